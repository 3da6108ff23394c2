package io.ycbridge.localaws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping, synchronously, for tests: reads a table's real stream (DynamoDB Local) shard
 * by shard from TRIM_HORIZON, parents first, so one item's changes arrive in order; hands each batch to the function as
 * the JSON Lambda sends ({@link StreamEvents#batch}); with ReportBatchItemFailures retries from the first failed item
 * (a function error, thrown, retries the whole batch); and after {@code maximumRetryAttempts} retries gives the rest of
 * the batch up to the on-failure destination as Lambda's invocation record ({@link StreamEvents#onFailure}) and moves
 * on — the records are skipped, the shard is not blocked. BisectBatchOnFunctionError is not emulated (it only changes
 * which records share a failing invocation).
 */
public final class StreamMapping {
    /** The function under test: the failed items' sequence numbers for a batch; throwing is a function error. */
    @FunctionalInterface
    public interface Function {
        Collection<String> invoke(ObjectNode event) throws Exception;
    }

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final String functionArn;
    private final int batchSize;
    private final int maximumRetryAttempts;
    private final Consumer<ObjectNode> onFailure;
    private final Clock clock;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private int delivered;
    private int invocations;
    private int retried;
    private int uncaught;
    private int discardedBatches;
    private int discardedRecords;

    public StreamMapping(DynamoDbStreamsClient streams, String streamArn, String region, String functionArn, int batchSize,
                         int maximumRetryAttempts, Consumer<ObjectNode> onFailure, Clock clock) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = region;
        this.functionArn = functionArn;
        this.batchSize = batchSize;
        this.maximumRetryAttempts = maximumRetryAttempts;
        this.onFailure = onFailure;
        this.clock = clock;
    }

    /** Stream records the function took (on a first attempt or a retry). */
    public int delivered() {
        return delivered;
    }

    public int invocations() {
        return invocations;
    }

    /** Invocations that were a retry. */
    public int retried() {
        return retried;
    }

    /** Invocations that threw. */
    public int uncaught() {
        return uncaught;
    }

    /** Batches given up to the on-failure destination. */
    public int discardedBatches() {
        return discardedBatches;
    }

    /** Stream records in the batches given up. */
    public int discardedRecords() {
        return discardedRecords;
    }

    /** Hands everything written to the table so far to the function. */
    public void drain(Function function) throws Exception {
        boolean worked = true;
        while (worked) {
            worked = false;
            for (Shard shard : StreamShards.readable(streams, streamArn, finished)) {
                String id = shard.shardId();
                String iterator = iterators.computeIfAbsent(id, shardId -> streams.getShardIterator(r -> r.streamArn(streamArn)
                        .shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
                while (iterator != null) {
                    String from = iterator;
                    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(from).limit(batchSize));
                    iterator = page.nextShardIterator();
                    iterators.put(id, iterator);
                    if (page.records().isEmpty()) {
                        break;
                    }
                    deliver(function, id, new ArrayList<>(page.records()));
                    worked = true;
                }
                if (iterator == null) {
                    finished.add(id);
                    worked = true;
                }
            }
        }
    }

    private void deliver(Function function, String shardId, List<Record> batch) throws Exception {
        for (int attempt = 0; ; attempt++) {
            invocations++;
            retried += attempt == 0 ? 0 : 1;
            int firstFailed;
            try {
                firstFailed = StreamEvents.firstFailure(batch, function.invoke(StreamEvents.batch(batch, streamArn, region)));
            } catch (Exception thrown) {
                uncaught++;
                firstFailed = 0;
            }
            if (firstFailed < 0) {
                delivered += batch.size();
                return;
            }
            // Lambda checkpoints before the first failure and retries from there; items already applied are replayed.
            delivered += firstFailed;
            batch.subList(0, firstFailed).clear();
            if (attempt >= maximumRetryAttempts) {
                discardedBatches++;
                discardedRecords += batch.size();
                onFailure.accept(StreamEvents.onFailure(batch, streamArn, shardId, functionArn, attempt + 1, clock.instant()));
                return;
            }
        }
    }
}

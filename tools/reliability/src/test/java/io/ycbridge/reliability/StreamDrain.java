package io.ycbridge.reliability;

import io.ycbridge.bonus.BonusAccrualHandler;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.edge.Trigger;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.StreamEvents;
import io.ycbridge.localaws.StreamShards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping, synchronously: reads RecordsTable's real stream on DynamoDB Local shard by
 * shard from TRIM_HORIZON (parents first, so one record's versions arrive in order), hands batches to
 * {@link BonusAccrualHandler} with DynamoDB faults on, and retries from the first reported batchItemFailure — as
 * ReportBatchItemFailures does — until the batch succeeds. Nothing is skipped: a batch failing
 * {@link #MAX_ATTEMPTS} times in a row fails the test (that would be a record lost to the on-failure destination).
 */
final class StreamDrain implements AutoCloseable {
    static final int MAX_ATTEMPTS = 50;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final BonusAccrualHandler handler;
    private final int batchSize;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    int delivered;
    int invocations;
    int retriedBatches;
    int uncaught;

    StreamDrain(java.net.URI endpoint, software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String recordsTable,
                BonusAccrualHandler handler, int batchSize) {
        this.streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.streamArn = dynamo.describeTable(r -> r.tableName(recordsTable)).table().latestStreamArn();
        this.handler = handler;
        this.batchSize = batchSize;
    }

    /** Delivers everything written so far. */
    void drain() throws Exception {
        boolean worked = true;
        while (worked) {
            worked = false;
            for (Shard shard : readableShards()) {
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
                    deliver(new ArrayList<>(page.records()));
                    worked = true;
                }
                if (iterator == null) {
                    finished.add(id);
                    worked = true;
                }
            }
        }
    }

    private List<Shard> readableShards() {
        return StreamShards.readable(streams, streamArn, finished);
    }

    private void deliver(List<Record> batch) throws Exception {
        for (int attempt = 1; ; attempt++) {
            // The batch as Lambda sends it, read as the function reads it.
            List<StreamChange> event = Trigger.DYNAMODB_STREAM.read(Stack.JSON.writeValueAsBytes(
                    StreamEvents.batch(batch, streamArn, LocalDynamoDb.REGION.id())));
            invocations++;
            int firstFailed;
            try {
                BatchItemFailures response = DynamoDbFaults.during(() -> handler.handle(event, null));
                firstFailed = StreamEvents.firstFailure(batch, response.itemIdentifiers());
            } catch (RuntimeException thrown) {
                // The function failed as a whole: Lambda retries the whole batch.
                uncaught++;
                firstFailed = 0;
            }
            if (firstFailed < 0) {
                delivered += batch.size();
                return;
            }
            retriedBatches++;
            delivered += firstFailed;
            batch.subList(0, firstFailed).clear();
            if (attempt >= MAX_ATTEMPTS) {
                throw new AssertionError(batch.size() + " stream record(s) still failing after " + MAX_ATTEMPTS + " attempts");
            }
        }
    }

    @Override
    public void close() {
        streams.close();
    }
}

package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.localaws.StreamEvents;
import io.ycbridge.localaws.StreamShards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping, locally: reads the table's stream shard by shard from TRIM_HORIZON (a parent
 * shard before its children, so one record's versions arrive in order), hands batches to the function, and honours
 * ReportBatchItemFailures — the batch is retried from the first failed item, after a back-off, up to the template's
 * MaximumRetryAttempts; then the rest is skipped and reported, as the on-failure destination would receive it.
 */
final class StreamPoller implements AutoCloseable {
    private static final Duration IDLE = Duration.ofMillis(250);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final String name;
    private final LocalFunction function;
    private final int batchSize;
    private final int maximumRetryAttempts;
    private final Map<String, String> iterators = new HashMap<>();
    private final Map<String, List<Record>> pending = new HashMap<>();
    private final Map<String, String> lastSequence = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param name the reading function's name, in the thread and in messages, e.g. {@code BonusAccrualFunction} */
    StreamPoller(String name, DynamoDbStreamsClient streams, String streamArn, String region,
                 LocalFunction function, int batchSize, int maximumRetryAttempts) {
        this.name = name;
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = region;
        this.function = function;
        this.batchSize = batchSize;
        this.maximumRetryAttempts = maximumRetryAttempts;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try {
                if (!pollOnce()) {
                    Thread.sleep(IDLE);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                System.err.println(name + ": poll failed (" + e.getClass().getSimpleName() + "), trying again");
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** One pass over the readable shards; whether anything was handed to the function. */
    private boolean pollOnce() throws InterruptedException {
        boolean worked = false;
        for (Shard shard : readableShards()) {
            String id = shard.shardId();
            String iterator = iterators.computeIfAbsent(id, this::iterator);
            List<Record> batch = pending.computeIfAbsent(id, shardId -> new ArrayList<>());
            if (batch.isEmpty() && iterator != null) {
                GetRecordsResponse page;
                try {
                    page = streams.getRecords(request -> request.shardIterator(iterator).limit(batchSize));
                } catch (TrimmedDataAccessException | ExpiredIteratorException stale) {
                    // DynamoDB Local refuses a TRIM_HORIZON iterator taken while the shard was still empty once records
                    // arrive; a fresh one after the last record handed over loses and repeats nothing.
                    iterators.remove(id);
                    continue;
                }
                batch.addAll(page.records());
                if (!page.records().isEmpty()) {
                    lastSequence.put(id, page.records().get(page.records().size() - 1).dynamodb().sequenceNumber());
                }
                if (page.nextShardIterator() == null) {
                    iterators.put(id, null);
                } else {
                    iterators.put(id, page.nextShardIterator());
                }
            }
            if (!batch.isEmpty()) {
                deliver(batch);
                worked = true;
            } else if (iterators.get(id) == null) {
                finished.add(id);
            }
        }
        return worked;
    }

    private String iterator(String shardId) {
        String after = lastSequence.get(shardId);
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (after == null) {
                request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    private List<Shard> readableShards() {
        return StreamShards.readable(streams, streamArn, finished);
    }

    /** Hands the batch over until it succeeds or the retries run out; the batch list is emptied either way. */
    private void deliver(List<Record> batch) throws InterruptedException {
        for (int attempt = 0; running; attempt++) {
            JsonNode response = function.invoke(StreamEvents.batch(batch, streamArn, region));
            int firstFailed = StreamEvents.firstFailure(batch, failedItems(response));
            if (firstFailed < 0) {
                batch.clear();
                return;
            }
            // Lambda checkpoints before the first failure and retries from there; items already applied are replayed harmlessly.
            batch.subList(0, firstFailed).clear();
            if (attempt >= maximumRetryAttempts) {
                System.err.printf(name + ": %d stream record(s) still failing after %d retries; skipped (the deployed "
                        + "function sends them to BonusDeadLetterQueue)%n", batch.size(), maximumRetryAttempts);
                batch.clear();
                return;
            }
            Thread.sleep(Math.min(5_000L, 200L << Math.min(attempt, 5)));
        }
    }

    /** The sequence numbers a {@code ReportBatchItemFailures} answer names. */
    private static Set<String> failedItems(JsonNode response) {
        Set<String> failed = new HashSet<>();
        response.path("batchItemFailures").forEach(failure -> failed.add(failure.path("itemIdentifier").asText()));
        return failed;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

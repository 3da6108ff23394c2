package io.ycbridge.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.edge.Trigger;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.StreamMapping;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping over RecordsTable's real stream on DynamoDB Local ({@link StreamMapping}),
 * handing batches to one function reading it (bonus accrual, the visit events) with DynamoDB faults on. Each drain has
 * its own mapping, so two of them read the one stream independently, as the template's two mappings do. Without a dead-letter queue nothing may be
 * given up: a batch failing {@link #MAX_ATTEMPTS} times fails the test (that would be records lost to the on-failure
 * destination). With one, a batch still failing after its retries goes there as Lambda's on-failure record, as the
 * template's mapping does, and the run goes on.
 */
final class StreamDrain implements AutoCloseable {
    static final int MAX_ATTEMPTS = 50;
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:BonusAccrualFunction";
    static final String VISIT_EVENTS_ARN = "arn:aws:lambda:us-east-1:000000000000:function:VisitEventsFunction";
    private final DynamoDbStreamsClient streams;
    private final Function<List<StreamChange>, BatchItemFailures> handler;
    private final StreamMapping mapping;
    private final String streamArn;

    /** Nothing may reach an on-failure destination. */
    StreamDrain(java.net.URI endpoint, DynamoDbClient dynamo, String recordsTable, String functionArn,
                Function<List<StreamChange>, BatchItemFailures> handler, int batchSize) {
        this(endpoint, dynamo, recordsTable, functionArn, handler, batchSize, MAX_ATTEMPTS - 1, record -> {
            throw new AssertionError("stream records still failing after " + MAX_ATTEMPTS + " attempts: " + record.path("DDBStreamBatchInfo"));
        });
    }

    /** Batches failing past {@code maximumRetryAttempts} retries go to {@code deadLetters} as Lambda's on-failure records. */
    StreamDrain(java.net.URI endpoint, DynamoDbClient dynamo, String recordsTable, String functionArn,
                Function<List<StreamChange>, BatchItemFailures> handler, int batchSize, int maximumRetryAttempts,
                Consumer<ObjectNode> deadLetters) {
        this.streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.handler = handler;
        this.streamArn = dynamo.describeTable(r -> r.tableName(recordsTable)).table().latestStreamArn();
        this.mapping = new StreamMapping(streams, streamArn, LocalDynamoDb.REGION.id(), functionArn, batchSize, maximumRetryAttempts,
                deadLetters, Clock.systemUTC());
    }

    /** Delivers everything written so far, the function's DynamoDB calls under the armed faults. */
    void drain() throws Exception {
        mapping.drain(event -> invoke(event, DynamoDbFaults::during));
    }

    /** Delivers everything written so far, the function's DynamoDB calls healthy. */
    void drainHealthy() throws Exception {
        mapping.drain(event -> invoke(event, Conditions.HEALTHY));
    }

    /** Delivers everything written so far while DynamoDB is unavailable to the function: every batch uses up its retries. */
    void drainDuringOutage() throws Exception {
        mapping.drain(event -> invoke(event, DynamoDbFaults::down));
    }

    /** How the function's calls are run: under random faults, or during an outage. */
    @FunctionalInterface
    private interface Conditions {
        Conditions HEALTHY = new Conditions() {
            @Override
            public <T> T apply(Callable<T> action) throws Exception {
                return action.call();
            }
        };

        <T> T apply(Callable<T> action) throws Exception;
    }

    private Collection<String> invoke(ObjectNode event, Conditions conditions) throws Exception {
        // The batch as Lambda sends it, read as the function reads it.
        List<StreamChange> batch = Trigger.DYNAMODB_STREAM.read(Stack.JSON.writeValueAsBytes(event));
        return conditions.apply(() -> handler.apply(batch)).itemIdentifiers();
    }

    /** Every record the stream holds now, read afresh from each shard's TRIM_HORIZON: what the mapping must have seen. */
    int streamRecords() {
        return records().size();
    }

    /**
     * Every record the stream holds now, read afresh from each shard's TRIM_HORIZON, as a function reads them (Lambda's
     * JSON, through the trigger's reader): the stored versions, each once, for an oracle.
     */
    List<StreamChange> changes() throws java.io.IOException {
        return Trigger.DYNAMODB_STREAM.read(Stack.JSON.writeValueAsBytes(
                io.ycbridge.localaws.StreamEvents.batch(records(), streamArn, LocalDynamoDb.REGION.id())));
    }

    private List<Record> records() {
        List<String> shards = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            StreamDescription description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(start)).streamDescription();
            description.shards().forEach(shard -> shards.add(shard.shardId()));
            after = description.lastEvaluatedShardId();
        } while (after != null);
        List<Record> records = new ArrayList<>();
        for (String shard : shards) {
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String from = iterator;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(from).limit(1000));
                records.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    int delivered() {
        return mapping.delivered();
    }

    int invocations() {
        return mapping.invocations();
    }

    int retried() {
        return mapping.retried();
    }

    int uncaught() {
        return mapping.uncaught();
    }

    int discardedBatches() {
        return mapping.discardedBatches();
    }

    int discardedRecords() {
        return mapping.discardedRecords();
    }

    @Override
    public void close() {
        streams.close();
    }
}

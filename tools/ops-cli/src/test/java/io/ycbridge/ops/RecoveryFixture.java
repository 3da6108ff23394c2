package io.ycbridge.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.bonus.BonusAccrualHandler;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.config.Config;
import io.ycbridge.edge.Trigger;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.StreamMapping;
import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What recovery works on, on DynamoDB Local: RecordsTable with its stream, the ledger's tables and the catalog; with
 * moto, BonusDeadLetterQueue. The environment is the one the accrual function and the ops CLI share (5 % of the paid
 * cost), and the function is the real {@link BonusAccrualHandler}, built from it as Lambda builds it.
 */
final class RecoveryFixture implements AutoCloseable {
    static final long COMPANY = 235564;
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:BonusAccrualFunction";
    private static final AtomicInteger QUEUES = new AtomicInteger();

    final DynamoDbClient dynamo;
    final Map<String, String> env = new HashMap<>();
    final RecordStore records;
    final String recordsTable;
    final String ledgerTable;
    final BonusLedgerStore ledger;
    final AwsClients aws;
    /** As the profile route links a proven phone. */
    final BonusAccrualService service;
    final String streamArn;
    final DynamoDbStreamsClient streams;
    final SqsClient sqs;
    final String queueUrl;
    /** The on-failure records the event source mapping gave up, in order, for a test to send to the queue as it likes. */
    final List<ObjectNode> failures = new ArrayList<>();
    private BonusAccrualHandler handler;

    RecoveryFixture(LocalDynamoDb local, MotoServer moto) {
        dynamo = local.client();
        recordsTable = Tables.create(dynamo, TableDefinitions.RECORDS);
        ledgerTable = Tables.create(dynamo, TableDefinitions.BONUS_LEDGER);
        env.put("AWS_REGION", LocalDynamoDb.REGION.id());
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        env.put("RECORDS_TABLE", recordsTable);
        env.put("BONUS_LEDGER_TABLE", ledgerTable);
        env.put("USER_LINKS_TABLE", Tables.create(dynamo, TableDefinitions.USER_LINKS));
        env.put("CATALOG_TABLE", Tables.create(dynamo, TableDefinitions.CATALOG));
        env.put("BONUS_PERCENT", "5");
        env.put("BONUS_ROUNDING_SCALE", "2");
        env.put("COMPANY_IDS", Long.toString(COMPANY));
        records = new RecordStore(dynamo, recordsTable);
        ledger = new BonusLedgerStore(dynamo, ledgerTable);
        aws = AwsClients.from(Config.of(env));
        service = BonusAccrualService.from(Config.of(env), aws);
        streamArn = dynamo.describeTable(r -> r.tableName(recordsTable)).table().latestStreamArn();
        streams = DynamoDbStreamsClient.builder().endpointOverride(local.endpoint()).region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build();
        if (moto != null) {
            sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            queueUrl = sqs.createQueue(r -> r.queueName("BonusDeadLetterQueue-" + ProcessHandle.current().pid() + "-"
                    + QUEUES.incrementAndGet())).queueUrl();
            env.put("AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
            env.put("BONUS_DEAD_LETTER_QUEUE_URL", queueUrl);
        } else {
            sqs = null;
            queueUrl = null;
        }
    }

    /** The accrual function as deployed, one per test (its execution environment). */
    synchronized BonusAccrualHandler handler() {
        return handler == null ? handler = new BonusAccrualHandler(Config.of(env)) : handler;
    }

    /**
     * The event source mapping as the template configures it, but with this batch size and retry budget: what fails
     * past its retries lands in {@link #failures}.
     */
    StreamMapping mapping(int batchSize, int maximumRetryAttempts) {
        return new StreamMapping(streams, streamArn, LocalDynamoDb.REGION.id(), FUNCTION_ARN, batchSize, maximumRetryAttempts,
                failures::add, Clock.systemUTC());
    }

    /** Hands the stream's new records to the function, as the mapping does; what failed past its retries is in {@link #failures}. */
    void drain(StreamMapping mapping) throws Exception {
        mapping.drain(event -> handler().handle(Trigger.DYNAMODB_STREAM.read(ApiJson.mapper().writeValueAsBytes(event)), null)
                .itemIdentifiers());
    }

    void send(ObjectNode onFailureRecord) throws Exception {
        send(ApiJson.mapper().writeValueAsString(onFailureRecord));
    }

    void send(String body) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    int messagesInQueue() {
        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages")) + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    int visibleMessages() {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                .attributesAsStrings().get("ApproximateNumberOfMessages"));
    }

    BigDecimal balance(String user) {
        return ledger.balance(BonusOwner.user(user));
    }

    /**
     * A visit of 2000.00 paid in full (5 %: 100.00), booked by the client with this phone, changed in YClients at
     * {@code changedAt}: attendance 1 came, -1 did not (cancelled by the salon after completion).
     */
    static StoredRecord visit(long recordId, Instant changedAt, int attendance, boolean deleted, String phone, String cost) {
        return new StoredRecord(COMPANY, recordId, changedAt, deleted, 4000 + recordId, new PhoneNumber(phone), 55L, attendance, true,
                List.of(new StoredService(301, "Haircut", new BigDecimal(cost), 1)), OffsetDateTime.parse("2026-11-30T12:00:00+03:00"),
                Duration.ofHours(1), null, false, RecordSource.SYNC);
    }

    /** The ops CLI in-process, on this environment; its output. */
    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpsCli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(args);
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("---- " + String.join(" ", args) + " (exit " + code + ")\n" + result.all());
        return result;
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @Override
    public void close() {
        streams.close();
        if (sqs != null) {
            sqs.close();
        }
        aws.close();
    }
}

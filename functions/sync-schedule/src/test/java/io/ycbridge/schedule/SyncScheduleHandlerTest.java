package io.ycbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.config.Config;
import io.ycbridge.edge.UndecodableEventException;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.sync.SyncRequest;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The schedule's trigger shape (events/sync-schedule/schedule.json) through the stream entry, built from its
 * environment as Lambda builds it, against moto's SQS and DynamoDB. (The staleness check over several ticks, against
 * DynamoDB Local: SyncScheduleStalenessTest.)
 */
@ExtendWith(MotoServerExtension.class)
class SyncScheduleHandlerTest {
    private static final Path EVENTS = Path.of("../../events/sync-schedule");
    private static final String STATE_TABLE = "SyncStateTable";

    private static Map<String, String> environment(MotoServer moto, String queueUrl) {
        return Map.of(
                "AWS_REGION", MotoServer.REGION.id(),
                "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "SYNC_QUEUE_URL", queueUrl,
                "SYNC_STATE_TABLE", STATE_TABLE,
                "SYNC_SCHEDULE", "rate(30 minutes)",
                "COMPANY_IDS", "235564, 1169323");
    }

    private static SyncScheduleHandler handler(MotoServer moto, String queueUrl) {
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            if (!dynamoDb.listTables().tableNames().contains(STATE_TABLE)) {
                TableDefinitions.SYNC_STATE.create(dynamoDb, STATE_TABLE);
            }
        }
        return new SyncScheduleHandler(Config.of(environment(moto, queueUrl)));
    }

    private static JsonNode run(SyncScheduleHandler handler, InputStream event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(event, out, null);
        return ApiJson.mapper().readTree(out.toByteArray());
    }

    @Test
    void theScheduleQueuesEveryConfiguredCompany(MotoServer moto) throws Exception {
        moto.reset();
        try (SqsClient sqs = SqsFanOutTest.sqs(moto)) {
            String queueUrl = sqs.createQueue(create -> create.queueName("SyncQueue")).queueUrl();

            JsonNode answer = run(handler(moto, queueUrl), Files.newInputStream(EVENTS.resolve("schedule.json")));

            assertEquals(2, answer.path("queued").asInt());
            assertEquals(0, answer.path("failed").size());
            assertEquals(0, answer.path("stale").asInt(-1), "the staleness check ran on the state table");
            Set<Long> companies = SqsFanOutTest.receiveAll(sqs, queueUrl, 2).stream().map(SyncRequest::companyId).collect(Collectors.toSet());
            assertEquals(Set.of(235564L, 1169323L), companies);
        }
    }

    @Test
    void aQueueThatDoesNotExistFailsTheRunSoTheScheduleRetries(MotoServer moto) {
        moto.reset();
        // SyncQueue's URL after the queue is gone: named after the logical id, so the IAM check knows the call's resource.
        SyncScheduleHandler handler = handler(moto, moto.endpoint() + "/000000000000/SyncQueue-deleted");
        Exception failure = assertThrows(Exception.class,
                () -> run(handler, Files.newInputStream(EVENTS.resolve("schedule.json"))));
        assertTrue(failure.getClass().getName().contains("QueueDoesNotExist") || failure.getMessage().contains("queue"),
                failure.toString());
    }

    /** One company now goes to SyncQueue (or {@code ./ycbridge ops sync}); this function takes the schedule's tick only. */
    @Test
    void anythingButAScheduleTickFailsTheInvocationAndQueuesNothing(MotoServer moto) throws Exception {
        moto.reset();
        try (SqsClient sqs = SqsFanOutTest.sqs(moto)) {
            String queueUrl = sqs.createQueue(create -> create.queueName("SyncQueue")).queueUrl();
            SyncScheduleHandler handler = handler(moto, queueUrl);
            for (String event : List.of("{\"companyId\": 235564}", Files.readString(Path.of("../../events/catalog-sync/sqs-messages.json")))) {
                UndecodableEventException refused = assertThrows(UndecodableEventException.class,
                        () -> run(handler, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))));
                assertEquals("the event does not fit an EventBridge schedule tick at detail-type", refused.getMessage());
            }
            assertTrue(sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)).messages().isEmpty());
        }
    }

    @Test
    void withoutItsQueueTheHandlerDoesNotBuildAndSaysWhichVariable() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> new SyncScheduleHandler(Config.of(Map.of("AWS_REGION", "eu-central-1", "COMPANY_IDS", "235564"))));
        assertTrue(refused.getMessage().contains("SYNC_QUEUE_URL"), refused.getMessage());
    }

    @Test
    void withoutItsStateTableOrScheduleTheHandlerDoesNotBuildAndSaysWhich(MotoServer moto) {
        for (String variable : List.of("SYNC_STATE_TABLE", "SYNC_SCHEDULE")) {
            Map<String, String> environment = new HashMap<>(environment(moto, "https://sqs.eu-central-1.amazonaws.com/000000000000/q"));
            environment.remove(variable);
            RuntimeException refused = assertThrows(RuntimeException.class, () -> new SyncScheduleHandler(Config.of(environment)));
            assertTrue(refused.getMessage().contains(variable), refused.getMessage());
        }
        Map<String, String> environment = new HashMap<>(environment(moto, "https://sqs.eu-central-1.amazonaws.com/000000000000/q"));
        environment.put("SYNC_SCHEDULE", "every half hour");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> new SyncScheduleHandler(Config.of(environment)));
        assertTrue(refused.getMessage().contains("SYNC_SCHEDULE is malformed"), refused.getMessage());
    }
}

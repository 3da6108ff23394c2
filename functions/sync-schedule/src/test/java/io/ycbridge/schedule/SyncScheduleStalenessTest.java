package io.ycbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A fresh deployment's first ticks through the schedule's trigger shape (events/sync-schedule/schedule.json), the
 * sync state in DynamoDB Local and SyncQueue in moto: one company syncs at every tick, the other is refused every time
 * and never succeeds. The refused one must not count as stale during its first two cycles, and must after.
 */
@ExtendWith({MotoServerExtension.class, LocalDynamoDbExtension.class})
class SyncScheduleStalenessTest {
    private static final Path TICK_EVENT = Path.of("../../events/sync-schedule/schedule.json");
    private static final Instant FIRST_TICK = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration INTERVAL = ScheduleInterval.of("rate(30 minutes)").interval();
    private static final long SYNCING = 235564;
    private static final long REFUSED = 1169323;

    @Test
    void aCompanyThatNeverSyncsIsStaleOnlyAfterItsFirstTwoCycles(MotoServer moto, DynamoDbClient dynamoDb) throws Exception {
        moto.reset();
        String table = "SyncStateTable-schedule-" + ProcessHandle.current().pid();
        TableDefinitions.SYNC_STATE.create(dynamoDb, table);
        SyncStateStore states = new SyncStateStore(dynamoDb, table);
        LogSink.Captured logs = new LogSink.Captured();
        try (SqsClient sqs = SqsFanOutTest.sqs(moto)) {
            // Named after the template's queue, so IamGrantsIT can hold the send to SyncScheduleFunction's grant.
            String queueUrl = sqs.createQueue(create -> create.queueName("SyncQueue")).queueUrl();
            List<Integer> stale = new ArrayList<>();
            for (int tick = 0; tick < 5; tick++) {
                Instant at = FIRST_TICK.plus(INTERVAL.multipliedBy(tick)).plusSeconds(2);
                JsonNode answer = run(handler(sqs, queueUrl, states, logs, at));
                assertEquals(2, answer.path("queued").asInt());
                stale.add(answer.path("stale").asInt(-1));
                // What the sync then records for this tick's messages.
                states.recordRun(SYNCING, at.plusSeconds(3), "ok", null);
                states.recordRun(REFUSED, at.plusSeconds(3), "refused", "the partner token is missing or invalid: set partnerToken in the secret");
            }

            assertEquals(List.of(0, 0, 0, 1, 1), stale, "09:00, 09:30 and 10:00 are the refused company's first two cycles");
            String warning = logs.lines().stream().filter(line -> line.contains("\"staleCompanies\"")).findFirst().orElseThrow();
            assertTrue(warning.contains("\"companyId\":" + REFUSED) && !warning.contains("\"companyId\":" + SYNCING), warning);
            assertTrue(warning.contains("\"firstScheduledAt\":\"" + FIRST_TICK.plusSeconds(2) + "\""), warning);
            long metrics = logs.lines().stream().filter(line -> line.contains("\"StaleCompanies\"")).count();
            assertEquals(5, metrics, "one data point per tick, zeros included");
        }
    }

    private static SyncScheduleHandler handler(SqsClient sqs, String queueUrl, SyncStateStore states, LogSink logs, Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        DecisionLog log = new DecisionLog("sync-schedule", logs, clock);
        return new SyncScheduleHandler(new SqsFanOut(sqs, queueUrl),
                new StalenessService(states, new StalenessPolicy(INTERVAL), log, new EmfMetrics("sync-schedule", logs, clock)),
                List.of(SYNCING, REFUSED), log, clock);
    }

    private static JsonNode run(SyncScheduleHandler handler) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(Files.newInputStream(TICK_EVENT), out, null);
        return ApiJson.mapper().readTree(out.toByteArray());
    }
}

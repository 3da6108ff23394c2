package io.ycbridge.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.model.Record;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * 1,000 deliveries of 100 records — every version of every record, plus duplicates, in shuffled order — end in the
 * same table state as applying each record's latest version once.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class WebhookConvergenceIT {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final DynamoDbClient dynamo;

    WebhookConvergenceIT(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @Test
    void shuffledDuplicatedDeliveriesConvergeOnEachRecordsLatestVersion() throws Exception {
        long seed = Long.getLong("ycbridge.seed", 20261123L);
        Random random = new Random(seed);
        String table = Tables.create(dynamo, TableDefinitions.RECORDS);
        RecordStore store = new RecordStore(dynamo, table);
        String stateTable = Tables.create(dynamo, TableDefinitions.SYNC_STATE);
        WebhookIntakeHandler handler = new WebhookIntakeHandler(new WebhookService(
                new WebhookTokenCheck(now -> List.of(WebhookIntakeHandlerIT.TOKEN), () -> { }, Clock.systemUTC()), Set.of(WebhookIntakeHandlerIT.COMPANY),
                MOSCOW, RecordNormalizer.russia(), store, (c, r) -> null, new SyncStateStore(dynamo, stateTable),
                new DecisionLog("webhook-intake", line -> { }, WebhookIntakeHandlerIT.CLOCK),
                new EmfMetrics("webhook-intake", line -> { }, WebhookIntakeHandlerIT.CLOCK), WebhookIntakeHandlerIT.CLOCK));

        ObjectNode template = (ObjectNode) JSON.readTree(WebhookIntakeHandlerIT.event("record-updated").body());
        List<String> bodies = new ArrayList<>();
        Map<Long, ObjectNode> latest = new HashMap<>();
        OffsetDateTime start = OffsetDateTime.parse("2026-11-20T09:00:00+03:00");
        for (long id = 1; id <= 100; id++) {
            int versions = 3 + random.nextInt(5);
            for (int v = 0; v < versions; v++) {
                ObjectNode body = template.deepCopy();
                ObjectNode data = (ObjectNode) body.get("data");
                body.put("resource_id", id);
                body.put("status", v == 0 ? "create" : "update");
                data.put("id", id);
                data.put("attendance", random.nextInt(3) - 1);
                data.put("paid_full", random.nextInt(2));
                data.put("deleted", v == versions - 1 && random.nextInt(5) == 0);
                ((ObjectNode) data.get("services").get(0)).put("cost", 500 + random.nextInt(5000));
                String change = start.plusMinutes(id * 10 + v).toString().replace("+03:00", "+0300");
                data.put("last_change_date", change);
                bodies.add(JSON.writeValueAsString(body));
                latest.put(id, body);
            }
        }
        while (bodies.size() < 1_000) {
            bodies.add(bodies.get(random.nextInt(bodies.size())));
        }
        Collections.shuffle(bodies, random);

        HttpRequest event = WebhookIntakeHandlerIT.event("record-created");
        for (String body : bodies) {
            assertEquals(200, handler.handle(Invocations.withBody(event, body), null).status(), "seed " + seed);
        }

        RecordNormalizer normalizer = RecordNormalizer.russia();
        for (Map.Entry<Long, ObjectNode> entry : latest.entrySet()) {
            ObjectNode body = entry.getValue();
            Record record = JSON.treeToValue(body.get("data"), Record.class);
            StoredRecord expected = normalizer.normalize(WebhookIntakeHandlerIT.COMPANY, record, MOSCOW, RecordSource.WEBHOOK);
            assertEquals(expected, store.get(WebhookIntakeHandlerIT.COMPANY, entry.getKey()).orElseThrow(),
                    "record " + entry.getKey() + ", seed " + seed);
        }
        assertEquals(100, store.changedBetween(WebhookIntakeHandlerIT.COMPANY, java.time.Instant.EPOCH,
                java.time.Instant.parse("2100-01-01T00:00:00Z")).count());
    }
}

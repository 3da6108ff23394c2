package io.ycbridge.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.observe.LogSink;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.simulator.SimulatorData;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.sync.CatalogSyncService;
import io.ycbridge.sync.SimulatedDaySync;
import io.ycbridge.yclients.model.Record;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A day on which YClients answers every request 401 "Не указан идентификатор партнера" (the partner id is missing):
 * webhooks are still stored, the app's catalog route keeps serving the last good catalog, the sync says which
 * credential is missing, and the first sync after recovery brings back everything that changed meanwhile — also the
 * changes whose webhooks never came, and the details of a webhook that arrived incomplete.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class OutageIT {
    private static final long COMPANY = 235564;
    private final LocalDynamoDb dynamo;

    OutageIT(LocalDynamoDb dynamo) {
        this.dynamo = dynamo;
    }

    @Test
    void aDayOfPartnerIdRefusalsLosesNothing() throws Exception {
        long seed = Stack.seed(20261124L);
        try {
            run(seed);
        } catch (Throwable failure) {
            throw new AssertionError("OutageIT failed with seed " + seed + " (repeat with -Dycbridge.seed=" + seed + "): "
                    + failure.getMessage(), failure);
        }
    }

    private void run(long seed) throws Exception {
        Random random = new Random(seed);
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of())) {
            MovableClock clock = stack.sim.clock();
            clock.set(MovableClock.DEFAULT_START);
            stack.sim.seed(SimulatorSeed.demo());
            SimulatorData data = stack.sim.data();
            LogSink.Captured syncLog = new LogSink.Captured();
            CatalogSyncService sync = SimulatedDaySync.service(stack.config(), clock, syncLog);

            clock.advance(Duration.ofHours(1));
            JsonNode first = Stack.sync(sync, clock, COMPANY);
            assertEquals("OK", first.path("outcome").asText(), first.toString());
            HttpResponse goodCatalog = stack.catalogOf(COMPANY, "user-outage");
            assertEquals(200, goodCatalog.status(), goodCatalog.body());

            // The outage: every path, every request.
            stack.sim.faults().always(Fault.status(401, "Не указан идентификатор партнера"));
            List<Long> changed = new ArrayList<>();
            List<Long> ids = new ArrayList<>(data.recordIds(COMPANY));
            int webhooksStored = 0;
            for (int hour = 0; hour < 24; hour++) {
                clock.advance(Duration.ofMinutes(55 + random.nextInt(10)));
                long id;
                String status = "update";
                switch (hour % 6) {
                    case 0 -> {
                        id = data.createRecord(COMPANY, 4001 + random.nextInt(5), 55 + random.nextInt(3), List.of(301L + random.nextInt(5)),
                                LocalDateTime.of(2026, 11, 25 + random.nextInt(4), 10 + random.nextInt(8), 0));
                        ids.add(id);
                        status = "create";
                    }
                    case 1 -> {
                        id = ids.get(random.nextInt(ids.size()));
                        data.completeVisit(COMPANY, id, true);
                    }
                    case 2 -> {
                        id = ids.get(random.nextInt(ids.size()));
                        JsonNode record = data.recordJson(COMPANY, id).orElseThrow();
                        data.setServiceCost(COMPANY, id, record.path("services").get(0).path("id").asLong(),
                                BigDecimal.valueOf(1000 + random.nextInt(3000)));
                    }
                    case 3 -> {
                        id = ids.get(random.nextInt(ids.size()));
                        data.cancel(COMPANY, id);
                        status = "delete";
                    }
                    case 4 -> {
                        id = ids.get(random.nextInt(ids.size()));
                        data.reschedule(COMPANY, id, LocalDateTime.of(2026, 11, 26, 9 + random.nextInt(9), 30));
                    }
                    default -> {
                        id = ids.get(random.nextInt(ids.size()));
                        data.markConfirmed(COMPANY, id);
                    }
                }
                changed.add(id);
                if (hour % 3 == 2) {
                    continue; // this change's webhook never comes: only the sync can bring it
                }
                String body = stack.sim.webhooks().body(COMPANY, id, status);
                if (hour == 7) {
                    // A body missing fields: the read-back hits the outage, so it is kept incomplete for the next sync.
                    ObjectNode tree = (ObjectNode) Stack.JSON.readTree(body);
                    ((ObjectNode) tree.get("data")).remove(List.of("staff_id", "seance_length"));
                    body = Stack.JSON.writeValueAsString(tree);
                }
                HttpResponse answer = stack.deliver(body);
                assertEquals(200, answer.status(), "webhook during the outage: " + answer.body());
                webhooksStored++;
                StoredRecord stored = stored(stack, id);
                assertEquals(clock.instant().getEpochSecond(), stored.changedAt().getEpochSecond(), "webhook stored record " + id);
                assertEquals(hour == 7, stored.incomplete(), "incomplete flag of record " + id);

                if (hour == 12) {
                    JsonNode refused = Stack.sync(sync, clock, COMPANY);
                    assertEquals("REFUSED", refused.path("outcome").asText(), refused.toString());
                    assertTrue(refused.path("error").asText().contains("partnerToken"),
                            "the sync result names the missing credential: " + refused.path("error"));
                    HttpResponse catalog = stack.catalogOf(COMPANY, "user-outage");
                    assertEquals(200, catalog.status());
                    assertEquals(goodCatalog.body(), catalog.body(), "the catalog route serves the last good catalog");
                    assertEquals(goodCatalog.headers().get("etag"), catalog.headers().get("etag"));
                }
            }
            data.renameService(COMPANY, 301, "Haircut, new price list");
            assertTrue(webhooksStored >= 15);
            assertTrue(syncLog.all().contains("partnerToken") || syncLog.all().contains("REFUSED"), "the refusal is logged");

            // Recovery: one sync back-fills the day.
            stack.sim.faults().clear();
            clock.advance(Duration.ofMinutes(30));
            JsonNode recovered = Stack.sync(sync, clock, COMPANY);
            assertEquals("OK", recovered.path("outcome").asText(), recovered.toString());

            RecordNormalizer normalizer = RecordNormalizer.russia();
            List<String> differing = new ArrayList<>();
            for (long id : data.recordIds(COMPANY)) {
                Record record = Stack.JSON.treeToValue(data.recordJson(COMPANY, id).orElseThrow(), Record.class);
                StoredRecord expected = normalizer.normalize(COMPANY, record, java.time.ZoneId.of("Europe/Moscow"), RecordSource.SYNC);
                StoredRecord actual = stored(stack, id).withSource(RecordSource.SYNC);
                if (!expected.equals(actual)) {
                    differing.add(id + ": expected " + expected + ", stored " + actual);
                }
            }
            assertTrue(differing.isEmpty(), "records not back-filled: " + differing);
            for (long id : changed) {
                assertFalse(stored(stack, id).incomplete(), "record " + id + " completed by the sync");
            }
            HttpResponse newCatalog = stack.catalogOf(COMPANY, "user-outage");
            assertEquals(200, newCatalog.status());
            assertNotEquals(goodCatalog.headers().get("etag"), newCatalog.headers().get("etag"));
            assertTrue(newCatalog.body().contains("Haircut, new price list"), "the catalog caught up");
            System.out.printf("OutageIT seed %d: %d changes in the outage day, %d webhooks stored during it, back-fill %s%n",
                    seed, changed.size(), webhooksStored, recovered.path("records"));
        }
    }

    private static StoredRecord stored(Stack stack, long id) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(RecordItem.COMPANY_ID, AttributeValue.fromN(Long.toString(COMPANY)));
        key.put(RecordItem.RECORD_ID, AttributeValue.fromN(Long.toString(id)));
        Map<String, AttributeValue> item = stack.client().getItem(r -> r.tableName(stack.table("RECORDS_TABLE")).key(key).consistentRead(true)).item();
        assertTrue(item != null && !item.isEmpty(), "record " + id + " is stored");
        return RecordItem.fromItem(item);
    }
}

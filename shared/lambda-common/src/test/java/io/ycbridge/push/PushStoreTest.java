package io.ycbridge.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PushTable over DynamoDB Local: a device and its owner together, markers once, held pushes by their time. */
@ExtendWith(LocalDynamoDbExtension.class)
class PushStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final PushStore store;

    PushStoreTest(LocalDynamoDb local) {
        this.store = new PushStore(local.client(), Tables.create(local.client(), TableDefinitions.PUSH), ApiJson.mapper());
    }

    @Test
    void aTokenThatChangesHandsIsTheNewUsersDeviceOnly() {
        Device first = new Device("d1", "alice", Platform.FCM, "arn:endpoint/1", "ru", true, NOW);
        store.save(first, Optional.empty());
        Device moved = new Device("d1", "bob", Platform.FCM, "arn:endpoint/1", "en", true, NOW);

        store.save(moved, store.device("d1"));

        assertTrue(store.devicesOf("alice").isEmpty());
        assertEquals(List.of(moved), store.devicesOf("bob"));
        assertEquals(moved, store.device("d1").orElseThrow());
        store.remove(moved);
        assertTrue(store.device("d1").isEmpty() && store.devicesOf("bob").isEmpty());
    }

    @Test
    void aPushIsMarkedOncePerDeviceAndCanBeTakenBack() {
        assertTrue(store.markSent("e1", "d1", NOW));
        assertFalse(store.markSent("e1", "d1", NOW));
        assertTrue(store.markSent("e1", "d2", NOW));
        store.unmarkSent("e1", "d1");
        assertTrue(store.markSent("e1", "d1", NOW));
    }

    @Test
    void heldPushesComeDueInTheirOrder() {
        var detail = ApiJson.mapper().createObjectNode().put("eventId", "e");
        store.hold(new HeldPush(NOW.plusSeconds(60), "late", "VisitCancelled", detail));
        store.hold(new HeldPush(NOW, "early", "VisitRescheduled", detail));

        assertEquals(List.of("early"), store.due(NOW, 10).stream().map(HeldPush::eventId).toList());
        List<HeldPush> both = store.due(NOW.plusSeconds(60), 10);
        assertEquals(List.of("early", "late"), both.stream().map(HeldPush::eventId).toList());
        assertEquals("VisitRescheduled", both.getFirst().type());
        store.release(both.getFirst());
        assertEquals(List.of("late"), store.due(NOW.plusSeconds(3600), 10).stream().map(HeldPush::eventId).toList());
    }
}

package io.ycbridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@ExtendWith(LocalDynamoDbExtension.class)
class DeliveryStoreTest {
    // Far ahead of the real clock: DynamoDB Local runs TTL deletion against real time, and would otherwise delete an
    // entry that "expires" an hour after a date already past, mid-test, making an expiry test flaky.
    private static final Instant NOW = Instant.parse("2099-11-20T10:00:00Z");
    private static final DeliveryKey KEY = DeliveryKey.ofContent("webhook#235564", "{\"resource\":\"record\"}");

    private final DynamoDbClient client;
    private final MovableClock clock = new MovableClock(NOW);
    private String table;
    private DeliveryStore store;

    DeliveryStoreTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        table = Tables.create(client, TableDefinitions.DELIVERIES);
        store = new DeliveryStore(client, table, clock);
    }

    @Test
    void theFirstDeliveryIsFirstSeenAndARepeatADuplicate() {
        assertEquals(DeliveryOutcome.FIRST_SEEN, store.markSeen(KEY, Duration.ofDays(7)));
        assertEquals(DeliveryOutcome.DUPLICATE, store.markSeen(KEY, Duration.ofDays(7)));
        assertEquals(DeliveryOutcome.FIRST_SEEN, store.markSeen(DeliveryKey.ofContent("webhook#235564", "{}"), Duration.ofDays(7)));
    }

    @Test
    void theItemCarriesTheTtlAttributeInEpochSeconds() {
        store.markSeen(KEY, Duration.ofDays(7));

        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table)
                .key(Map.of(DeliveryStore.KEY, AttributeValue.fromS(KEY.value())))).item();
        assertEquals(Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond()), item.get("expires_at").n());
        assertEquals(Long.toString(NOW.toEpochMilli()), item.get(DeliveryStore.FIRST_SEEN_AT).n());

        var ttl = client.describeTimeToLive(describe -> describe.tableName(table)).timeToLiveDescription();
        assertEquals("expires_at", ttl.attributeName(), "TTL is switched on for the attribute the store writes");
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    }

    @Test
    void anExpiredEntryNotYetDeletedByTtlCountsAsAbsent() {
        store.markSeen(KEY, Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(59));
        assertEquals(DeliveryOutcome.DUPLICATE, store.markSeen(KEY, Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(2));
        assertEquals(DeliveryOutcome.FIRST_SEEN, store.markSeen(KEY, Duration.ofHours(1)));
    }

    @Test
    void aForgottenDeliveryIsProcessedAgain() {
        store.markSeen(KEY, Duration.ofDays(1));
        store.forget(KEY);

        assertEquals(DeliveryOutcome.FIRST_SEEN, store.markSeen(KEY, Duration.ofDays(1)));
    }

    @Test
    void keysAreScopedContentHashes() {
        DeliveryKey key = DeliveryKey.ofContent("webhook#1", "body");

        assertTrue(key.value().matches("webhook#1#sha256:[0-9a-f]{64}"), key.value());
        assertEquals(key, DeliveryKey.ofContent("webhook#1", "body"));
        assertNotEquals(key, DeliveryKey.ofContent("webhook#2", "body"));
    }
}

package io.ycbridge.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class ProfileStoreTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void aPutReplacesTheWholeProfile(DynamoDbClient client) {
        ProfileStore store = new ProfileStore(client, Tables.create(client, TableDefinitions.PROFILES));
        store.put(new Profile("user-1", "Анна", "+79990000000", "anna@example.com", "A-17", AT));
        store.put(new Profile("user-1", "Анна К.", "+79990000000", null, "A-17", AT.plusSeconds(60)));

        Profile stored = store.find("user-1").orElseThrow();

        assertEquals(new Profile("user-1", "Анна К.", "+79990000000", null, "A-17", AT.plusSeconds(60)), stored);
        assertNull(stored.email(), "an e-mail left out is gone");
        assertFalse(store.find("user-2").isPresent());
        assertFalse(stored.toString().contains("Анна") || stored.toString().contains("9990000000"), "no personal data in toString");
    }

    @Test
    void deleteRemovesTheProfileAndIsSafeToRepeat(DynamoDbClient client) {
        ProfileStore store = new ProfileStore(client, Tables.create(client, TableDefinitions.PROFILES));
        store.put(new Profile("user-1", "Анна", "+79990000000", null, null, AT));
        store.put(new Profile("user-2", "Ольга", "+79165550000", null, null, AT));

        store.delete("user-1");
        store.delete("user-1");

        assertFalse(store.find("user-1").isPresent());
        assertEquals("Ольга", store.find("user-2").orElseThrow().name(), "only the named user's profile goes");
    }
}

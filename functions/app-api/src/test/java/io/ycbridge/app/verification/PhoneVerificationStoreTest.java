package io.ycbridge.app.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.app.verification.PhoneVerificationStore.Code;
import io.ycbridge.app.verification.PhoneVerificationStore.Limit;
import io.ycbridge.app.verification.PhoneVerificationStore.State;
import io.ycbridge.table.TableDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class PhoneVerificationStoreTest {
    /** A quarter past the hour, a day ahead of the wall clock: DynamoDB Local deletes items whose TTL passed in real time. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1)).plusSeconds(900);
    private static final String PHONE = "+79990000000";
    private static final byte[] SALT = {1, 2, 3};
    private static final byte[] HASH = {9, 8, 7};
    private final DynamoDbClient client;
    private PhoneVerificationStore store;
    private String table;

    PhoneVerificationStoreTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        table = Tables.create(client, TableDefinitions.PHONE_VERIFICATIONS);
        store = new PhoneVerificationStore(client, table);
    }

    @Test
    void aCodeIsKeptByUserAndPhone() {
        store.putCode("user-1", PHONE, SALT, HASH, 5, NOW.plusSeconds(600));

        Code code = store.code("user-1", PHONE).orElseThrow();
        assertEquals(State.PENDING, code.state());
        assertEquals(5, code.attemptsLeft());
        assertArrayEquals(HASH, code.hash());
        assertEquals(NOW.plusSeconds(600), code.expiresAt());
        assertTrue(code.live(NOW) && !code.live(NOW.plusSeconds(600)));
        assertFalse(store.code("user-2", PHONE).isPresent(), "another user's code is no code of yours");
        assertFalse(store.code("user-1", "+79990000001").isPresent());
        assertFalse(code.toString().contains(PHONE), "no phone in toString");
    }

    @Test
    void wrongAnswersCountDownAndTheLastKillsTheCode() {
        store.putCode("user-1", PHONE, SALT, HASH, 2, NOW.plusSeconds(600));
        Code first = store.code("user-1", PHONE).orElseThrow();

        assertTrue(store.wrongAnswer(first));
        assertFalse(store.wrongAnswer(first), "a second answer on the same read lost the race: read again");
        Code second = store.code("user-1", PHONE).orElseThrow();
        assertEquals(1, second.attemptsLeft());
        assertTrue(store.wrongAnswer(second));

        Code dead = store.code("user-1", PHONE).orElseThrow();
        assertEquals(State.DEAD, dead.state());
        assertFalse(store.prove(dead, NOW.plusSeconds(900)), "a dead code proves nothing");
    }

    @Test
    void aProofIsUsedOnceAndOnlyWhileLive() {
        store.putCode("user-1", PHONE, SALT, HASH, 5, NOW.plusSeconds(600));
        Code code = store.code("user-1", PHONE).orElseThrow();

        assertTrue(store.prove(code, NOW.plusSeconds(900)));
        assertFalse(store.prove(code, NOW.plusSeconds(900)), "one right answer counts once");
        Code proof = store.code("user-1", PHONE).orElseThrow();
        assertEquals(State.PROVEN, proof.state());
        assertEquals(0, proof.hash().length, "the hash goes with the answer");

        assertFalse(store.useProof("user-1", PHONE, NOW.plusSeconds(900)), "an expired proof is no proof");
        assertFalse(store.useProof("user-2", PHONE, NOW), "nor is another user's");
        assertTrue(store.useProof("user-1", PHONE, NOW));
        assertFalse(store.useProof("user-1", PHONE, NOW), "used up");
        assertEquals(State.USED, store.code("user-1", PHONE).orElseThrow().state());
    }

    @Test
    void aResendReplacesTheCode() {
        store.putCode("user-1", PHONE, SALT, HASH, 5, NOW.plusSeconds(600));
        Code old = store.code("user-1", PHONE).orElseThrow();
        store.putCode("user-1", PHONE, SALT, new byte[] {4, 4}, 5, NOW.plusSeconds(660));

        assertFalse(store.prove(old, NOW.plusSeconds(900)), "the answer to the old code proves nothing");
        assertEquals(State.PENDING, store.code("user-1", PHONE).orElseThrow().state());
    }

    @Test
    void limitsCountPerWindowAndSayWhenItEnds() {
        Limit limit = new Limit("send", 2, Duration.ofHours(1));
        String user = PhoneVerificationStore.userKey("user-1");

        assertEquals(Optional.empty(), store.tryCount(limit, user, NOW));
        assertEquals(Optional.empty(), store.tryCount(limit, user, NOW));
        assertEquals(Optional.of(Duration.ofMinutes(45)), store.tryCount(limit, user, NOW), "full until 11:00");
        assertEquals(Optional.of(Duration.ofMinutes(45)), store.exhausted(limit, user, NOW));
        assertEquals(Optional.empty(), store.tryCount(limit, PhoneVerificationStore.userKey("user-2"), NOW), "per subject");
        assertEquals(Optional.empty(), store.tryCount(limit, user, NOW.plus(Duration.ofMinutes(45))), "a new window");

        Limit wrong = new Limit("wrong", 1, Duration.ofHours(1));
        assertEquals(Optional.empty(), store.exhausted(wrong, user, NOW));
        store.count(wrong, user, NOW);
        store.count(wrong, user, NOW);
        assertTrue(store.exhausted(wrong, user, NOW).isPresent());
    }

    @Test
    void deletingAUserRemovesTheirItemsOnly() {
        store.putCode("user-1", PHONE, SALT, HASH, 5, NOW.plusSeconds(600));
        store.putCode("user-1", "+79990000001", SALT, HASH, 5, NOW.plusSeconds(600));
        store.putCode("user-2", PHONE, SALT, HASH, 5, NOW.plusSeconds(600));
        Limit limit = new Limit("send", 5, Duration.ofHours(1));
        store.tryCount(limit, PhoneVerificationStore.userKey("user-1"), NOW);
        store.tryCount(limit, PhoneVerificationStore.phoneKey(PHONE), NOW);

        store.deleteUser("user-1");
        store.deleteUser("user-1");

        assertFalse(store.code("user-1", PHONE).isPresent());
        assertFalse(store.code("user-1", "+79990000001").isPresent());
        assertTrue(store.exhausted(new Limit("send", 1, Duration.ofHours(1)), PhoneVerificationStore.userKey("user-1"), NOW).isEmpty(),
                "the user's counters go too");
        assertTrue(store.code("user-2", PHONE).isPresent(), "another user's code stays");
        assertTrue(store.exhausted(new Limit("send", 1, Duration.ofHours(1)), PhoneVerificationStore.phoneKey(PHONE), NOW).isPresent(),
                "the phone's counter stays: it protects the phone's owner");
    }
}

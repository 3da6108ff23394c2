package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.came;
import static io.ycbridge.bonus.Visits.money;
import static io.ycbridge.bonus.Visits.visit;
import static io.ycbridge.bonus.Visits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.StoredRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 21's histories of who gets a visit's bonus, each against DynamoDB Local: the owner follows the record's current
 * client, pending follows phone corrections, phone-less clients are found through their phone, a proven owner takes a
 * recycled number over, and an erased account keeps its entries under a name that identifies nobody.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusOwnershipTest {
    private static final long CLIENT_A = 4001;
    private static final long CLIENT_B = 4002;
    private static final String PHONE_A = "+79990000001";
    private static final String PHONE_B = "+79990000002";
    private static final BonusOwner ANNA = BonusOwner.user("anna");
    private static final BonusOwner BORIS = BonusOwner.user("boris");
    private final DynamoDbClient client;
    private Ledger ledger;

    BonusOwnershipTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTables() {
        ledger = new Ledger(client, BonusRules.percent("5"));
    }

    @Test
    void aBookingCorrectedToAnotherClientBeforeTheVisitPaysTheNewClientOnly() {
        ledger.service.linkProvenPhone("anna", PHONE_A);
        ledger.service.linkProvenPhone("boris", PHONE_B);
        ledger.service.accrue(booked(1, CLIENT_A, PHONE_A));
        ledger.service.accrue(booked(2, CLIENT_B, PHONE_B)); // the salon corrects the client

        AccrualResult completed = ledger.service.accrue(completed(3, CLIENT_B, PHONE_B));

        assertEquals(BORIS, completed.owner());
        assertEquals(money("99.00"), ledger.store.balance(BORIS));
        assertEquals(money("0.00"), ledger.store.balance(ANNA));
        assertTrue(ledger.entries(ANNA).isEmpty(), "A's user never held anything for it");
    }

    @Test
    void aPhoneUnlinkedBeforeTheVisitPaysWhoeverLinksItThen() {
        ledger.service.linkProvenPhone("anna", PHONE_A);
        ledger.service.accrue(booked(1, CLIENT_A, PHONE_A));
        ledger.service.unlink("anna");
        ledger.service.linkProvenPhone("boris", PHONE_A); // the number's real owner proves it

        assertEquals(BORIS, ledger.service.accrue(completed(2, CLIENT_A, PHONE_A)).owner());
        assertEquals(money("99.00"), ledger.store.balance(BORIS));
        assertEquals(money("0.00"), ledger.store.balance(ANNA));
    }

    @Test
    void aClientChangedAfterTheAccrualMovesTheMoneyAsAReversalAndAnAccrual() {
        ledger.service.linkProvenPhone("anna", PHONE_A);
        ledger.service.linkProvenPhone("boris", PHONE_B);
        ledger.service.accrue(completed(1, CLIENT_A, PHONE_A));
        assertEquals(money("99.00"), ledger.store.balance(ANNA));

        AccrualResult moved = ledger.service.accrue(completed(2, CLIENT_B, PHONE_B));

        assertEquals(BORIS, moved.owner());
        assertEquals(money("0.00"), ledger.store.balance(ANNA));
        assertEquals(money("99.00"), ledger.store.balance(BORIS));
        assertEquals(List.of(EntryKind.REVERSAL, EntryKind.ACCRUAL), ledger.entries(ANNA).stream().map(LedgerEntry::kind).toList());
        assertEquals(List.of(EntryKind.ACCRUAL), ledger.entries(BORIS).stream().map(LedgerEntry::kind).toList());
        assertEquals(ledger.sum(ANNA), ledger.store.balance(ANNA));
        assertEquals(ledger.sum(BORIS), ledger.store.balance(BORIS));

        // And a later cancellation reverses from the new owner.
        ledger.service.accrue(with(completed(3, CLIENT_B, PHONE_B), 3, 1, true, true));
        assertEquals(money("0.00"), ledger.store.balance(BORIS));
    }

    @Test
    void pendingFollowsAPhoneCorrection() {
        BonusOwner p1 = BonusOwner.pendingPhone(PHONE_A);
        BonusOwner p2 = BonusOwner.pendingPhone(PHONE_B);
        ledger.service.accrue(completed(1, CLIENT_A, PHONE_A));
        assertEquals(money("99.00"), ledger.store.balance(p1));

        ledger.service.accrue(completed(2, CLIENT_A, PHONE_B)); // the salon corrects the client's phone

        assertEquals(money("0.00"), ledger.store.balance(p1));
        assertEquals(money("99.00"), ledger.store.balance(p2));
        assertEquals(money("0.00"), ledger.service.linkProvenPhone("anna", PHONE_A), "the old phone's owner gets nothing");
        assertEquals(money("99.00"), ledger.service.linkProvenPhone("boris", PHONE_B));
        assertEquals(money("99.00"), ledger.store.balance(BORIS));
    }

    @Test
    void pendingUnderAClientIdMovesToItsPhoneWhenARecordShowsItAndALaterProofCreditsIt() {
        BonusOwner byClient = BonusOwner.pendingClient(Visits.COMPANY, CLIENT_A);
        ledger.service.accrue(completed(1, CLIENT_A, null));
        assertEquals(money("99.00"), ledger.store.balance(byClient));

        ledger.service.accrue(visit(2, 1, 0, false, false, CLIENT_A, PHONE_A, came(1, 1).services()));
        assertEquals(money("0.00"), ledger.store.balance(byClient));
        assertEquals(money("99.00"), ledger.store.balance(BonusOwner.pendingPhone(PHONE_A)));

        assertEquals(money("99.00"), ledger.service.linkProvenPhone("anna", PHONE_A));
        assertEquals(money("99.00"), ledger.store.balance(ANNA));
    }

    @Test
    void aProvenOwnerTakesARecycledNumberOverAndCreditedEntriesStay() {
        ledger.service.linkProvenPhone("anna", PHONE_A);
        ledger.service.accrue(completed(1, CLIENT_A, PHONE_A));
        ledger.service.accrue(booked(1, 2, CLIENT_A, PHONE_A));

        ledger.service.linkProvenPhone("boris", PHONE_A);

        assertEquals("boris", ledger.links.userForPhone(PHONE_A).orElseThrow());
        assertEquals(null, ledger.links.linksOf("anna").orElseThrow().phoneE164());
        assertEquals(money("99.00"), ledger.store.balance(ANNA), "what was credited stays where it is");
        assertEquals(BORIS, ledger.service.accrue(completed(2, 3, CLIENT_A, PHONE_A)).owner(), "the pending visit goes to the proven owner");
        assertEquals(money("99.00"), ledger.store.balance(BORIS));
    }

    @Test
    void concurrentSavesOfOneUserWithDifferentPhonesLeaveExactlyOneConsistentLink() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                String user = "racer-" + round;
                List<Future<?>> saves = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String phone = "+7999100" + round + "00" + i;
                    saves.add(pool.submit(() -> ledger.service.linkProvenPhone(user, phone)));
                }
                for (Future<?> save : saves) {
                    save.get();
                }
                String linked = ledger.links.linksOf(user).orElseThrow().phoneE164();
                int holders = 0;
                for (int i = 0; i < 4; i++) {
                    String phone = "+7999100" + round + "00" + i;
                    if (ledger.links.userForPhone(phone).isPresent()) {
                        holders++;
                        assertEquals(phone, linked, "the phone item and the user item agree");
                    }
                }
                assertEquals(1, holders, "exactly one of the phones is linked to " + user);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anErasedAccountKeepsItsEntriesUnderAnAnonymousOwnerAndItsPhoneGoesPendingAgain() {
        ledger.service.linkProvenPhone("anna", PHONE_A);
        ledger.service.accrue(completed(1, CLIENT_A, PHONE_A));
        ledger.service.accrue(completed(10, 1, CLIENT_A, PHONE_A));

        ledger.service.erase("anna");
        ledger.service.erase("anna"); // repeated: nothing left to move

        assertTrue(ledger.entries(ANNA).isEmpty());
        assertEquals(money("0.00"), ledger.store.balance(ANNA));
        assertTrue(ledger.links.linksOf("anna").isEmpty());
        Map<String, BigDecimal> anonymous = erasedBalances();
        assertEquals(1, anonymous.size());
        assertEquals(0, money("198.00").compareTo(anonymous.values().iterator().next()));
        // A later cancellation of one of her visits reverses from the anonymous owner, never re-creating her partition.
        ledger.service.accrue(with(completed(1, CLIENT_A, PHONE_A), 5, 1, true, true));
        assertTrue(ledger.entries(ANNA).isEmpty());
        assertEquals(0, money("99.00").compareTo(erasedBalances().values().iterator().next()));
        // Her phone's next visit is pending, as if nobody had linked it.
        assertEquals(BonusOwner.pendingPhone(PHONE_A), ledger.service.accrue(completed(20, 1, CLIENT_A, PHONE_A)).owner());
    }

    private Map<String, BigDecimal> erasedBalances() {
        Map<String, BigDecimal> balances = new java.util.HashMap<>();
        for (Map<String, AttributeValue> item : client.scanPaginator(scan -> scan.tableName(tableOf(ledger.store))).items()) {
            String owner = item.get("ledger_key").s();
            if (owner.startsWith("ERASED#") && item.get("item_key").s().equals("BALANCE")) {
                balances.put(owner, new BigDecimal(item.get("balance").n()));
            }
        }
        return balances;
    }

    private static String tableOf(BonusLedgerStore store) {
        try {
            var field = BonusLedgerStore.class.getDeclaredField("table");
            field.setAccessible(true);
            return (String) field.get(store);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredRecord booked(int version, long client, String phone) {
        return booked(9001, version, client, phone);
    }

    private static StoredRecord booked(long record, int version, long client, String phone) {
        return visit(record, version, 0, false, false, client, phone, came(1, 1).services());
    }

    private static StoredRecord completed(int version, long client, String phone) {
        return completed(9001, version, client, phone);
    }

    private static StoredRecord completed(long record, int version, Long client, String phone) {
        return visit(record, version, 1, true, false, client, phone, came(1, 1).services());
    }

    private static StoredRecord completed(int version, Long client, String phone) {
        return completed(9001, version, client, phone);
    }
}

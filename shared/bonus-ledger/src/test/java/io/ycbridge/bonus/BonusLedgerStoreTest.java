package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.BASE;
import static io.ycbridge.bonus.Visits.COMPANY;
import static io.ycbridge.bonus.Visits.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store's refusals, forced deterministically: what the service's retries and the stream's replays rely on. */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusLedgerStoreTest {
    private static final BonusOwner USER = BonusOwner.user("u1");
    private final DynamoDbClient client;
    private Ledger ledger;

    BonusLedgerStoreTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTables() {
        ledger = new Ledger(client, BonusRules.percent("5"));
    }

    @Test
    void aWriteBasedOnAStateThatChangedMeanwhileIsRefusedWhole() {
        AccrualState unseen = ledger.store.state(COMPANY, 1);
        assertTrue(ledger.store.apply(unseen, state(USER, "99", 1), entry(USER, EntryKind.ACCRUAL, "99", 1)));

        // A second writer that read the same (now outdated) state: neither its entry nor its balance change may land.
        assertFalse(ledger.store.apply(unseen, state(USER, "50", 2), entry(USER, EntryKind.ACCRUAL, "50", 2)));
        AccrualState seen = ledger.store.state(COMPANY, 1);
        assertFalse(ledger.store.apply(new AccrualState(COMPANY, 1, USER, money("10"), seen.version(), 0, null, null), state(USER, "0", 3),
                entry(USER, EntryKind.REVERSAL, "-10", 3)), "same version, different amount");

        assertEquals(money("99.00"), ledger.store.balance(USER));
        assertEquals(1, ledger.entries(USER).size());
        assertEquals(new AccrualState(COMPANY, 1, USER, money("99"), BASE.plusSeconds(1), 0, null, null), normalised(ledger.store.state(COMPANY, 1)));
    }

    @Test
    void anEntryThatExistsIsNeverWrittenTwice() {
        LedgerEntry accrual = entry(USER, EntryKind.ACCRUAL, "99", 1);
        assertTrue(ledger.store.apply(ledger.store.state(COMPANY, 1), state(USER, "99", 1), accrual));

        // Even with the current state (as after a lost response and a retry), the same entry id is refused.
        assertFalse(ledger.store.apply(ledger.store.state(COMPANY, 1), state(USER, "198", 1), accrual));

        assertEquals(money("99.00"), ledger.store.balance(USER));
    }

    @Test
    void aTransferAfterTheRecordMovedOnIsRefused() {
        BonusOwner pending = BonusOwner.pendingPhone("+79990000003");
        ledger.store.apply(ledger.store.state(COMPANY, 1), state(pending, "99", 1), entry(pending, EntryKind.ACCRUAL, "99", 1));
        AccrualState seen = ledger.store.state(COMPANY, 1);
        ledger.store.apply(seen, state(pending, "0", 2), entry(pending, EntryKind.REVERSAL, "-99", 2));

        assertTrue(ledger.store.transfer(seen, USER).isEmpty(), "crediting 99 after it was reversed would pay money that is gone");

        assertEquals(money("0.00"), ledger.store.balance(USER));
        assertEquals(money("0.00"), ledger.store.balance(pending));
    }

    private static AccrualState state(BonusOwner owner, String accrued, int version) {
        return new AccrualState(COMPANY, 1, owner, money(accrued), BASE.plusSeconds(version), 0, null, null);
    }

    private static LedgerEntry entry(BonusOwner owner, EntryKind kind, String amount, int version) {
        return LedgerEntry.of(owner, COMPANY, 1, kind, money(amount), BASE.plusSeconds(version));
    }

    private static AccrualState normalised(AccrualState state) {
        return new AccrualState(state.companyId(), state.recordId(), state.owner(),
                new BigDecimal(state.accrued().stripTrailingZeros().toPlainString()), state.version(), state.revision(), state.identity(), state.visit());
    }
}

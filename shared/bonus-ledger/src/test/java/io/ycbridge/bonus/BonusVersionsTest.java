package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.came;
import static io.ycbridge.bonus.Visits.money;
import static io.ycbridge.bonus.Visits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.StoredRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 21 cases 5, 6 and 7 on the ledger side: versions of one change second ordered by the records store's write
 * counter, a deletion that keeps the completed version's change date, and the per-visit cap across a visit's records.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusVersionsTest {
    private static final BonusOwner USER = BonusOwner.user("user-sub-1");
    private final DynamoDbClient client;

    BonusVersionsTest(DynamoDbClient client) {
        this.client = client;
    }

    private Ledger ledger(BonusRules rules) {
        Ledger ledger = new Ledger(client, rules);
        ledger.service.linkProvenPhone("user-sub-1", Visits.PHONE);
        return ledger;
    }

    @Test
    void arrivedUnpaidThenPaidInTheSameSecondBothCount() {
        Ledger ledger = ledger(BonusRules.percent("5"));
        StoredRecord unpaid = with(came(1, 1), 7, 1, false, false);
        StoredRecord paid = with(came(1, 1), 7, 1, true, false);

        assertEquals(AccrualOutcome.UNCHANGED, ledger.service.accrue(unpaid, 1).outcome());
        assertEquals(AccrualOutcome.APPLIED, ledger.service.accrue(paid, 2).outcome(), "same change date, later write");
        assertEquals(money("99.00"), ledger.store.balance(USER));

        assertEquals(AccrualOutcome.STALE, ledger.service.accrue(unpaid, 1).outcome(), "a replayed earlier write changes nothing");
        assertEquals(money("99.00"), ledger.store.balance(USER));
    }

    @Test
    void aDeletionCarryingTheCompletedVersionsChangeDateReverses() {
        Ledger ledger = ledger(BonusRules.percent("5"));
        StoredRecord completed = came(1, 4);
        ledger.service.accrue(completed, 1);

        AccrualResult deleted = ledger.service.accrue(completed.withDeleted(true), 2);

        assertEquals(EntryKind.REVERSAL, deleted.kind());
        assertEquals(money("0.00"), ledger.store.balance(USER));
    }

    @Test
    void theCapAppliesToTheVisitAcrossItsRecordsInAnyOrder() {
        BonusRules capped = BonusRules.percent("5").withCap("150");
        for (List<Long> order : List.of(List.of(1L, 2L, 3L), List.of(3L, 1L, 2L), List.of(2L, 3L, 1L))) {
            Ledger ledger = ledger(capped);
            for (long record : order) {
                ledger.service.accrue(came(record, 1)); // three records of visit 7001, 99 each uncapped
            }
            assertEquals(money("150.00"), ledger.store.balance(USER), "order " + order);
            assertEquals(ledger.sum(USER), ledger.store.balance(USER));

            ledger.service.accrue(with(came(order.get(0), 1), 2, 1, true, true)); // one is cancelled: 2 × 99 is still over
            assertEquals(money("150.00"), ledger.store.balance(USER));
            ledger.service.accrue(with(came(order.get(1), 1), 2, 1, true, true)); // another: 99 is under the cap
            assertEquals(money("99.00"), ledger.store.balance(USER));
            assertEquals(ledger.sum(USER), ledger.store.balance(USER));
        }
    }

    @Test
    void aRecordMovedToAnotherVisitLeavesTheCapOfTheFirst() {
        Ledger ledger = ledger(BonusRules.percent("5").withCap("150"));
        ledger.service.accrue(came(1, 1));
        ledger.service.accrue(came(2, 1));
        assertEquals(money("150.00"), ledger.store.balance(USER));

        ledger.service.accrue(inVisit(came(2, 2), "7002"));

        assertEquals(money("198.00"), ledger.store.balance(USER), "two visits of 99 each, both under the cap");
        assertEquals(ledger.sum(USER), ledger.store.balance(USER));
    }

    @Test
    void aCappedVisitPendingUntilItsUserLinksIsCreditedAtTheCapNotAbove() {
        Ledger ledger = new Ledger(client, BonusRules.percent("5").withCap("150"));
        ledger.service.accrue(came(1, 1));
        ledger.service.accrue(came(2, 1));
        BonusOwner pending = BonusOwner.pendingPhone(Visits.PHONE);
        assertEquals(money("150.00"), ledger.store.balance(pending));

        assertEquals(money("150.00"), ledger.service.linkProvenPhone("late-user", Visits.PHONE));

        BonusOwner user = BonusOwner.user("late-user");
        assertEquals(money("150.00"), ledger.store.balance(user));
        assertEquals(money("0.00"), ledger.store.balance(pending));
        ledger.service.accrue(with(came(1, 1), 2, 1, true, true)); // a cancellation after the credit: the visit earns 99
        assertEquals(money("99.00"), ledger.store.balance(user));
        assertEquals(ledger.sum(user), ledger.store.balance(user));
    }

    @Test
    void aRecordWithoutAVisitIsCappedAlone() {
        Ledger ledger = ledger(BonusRules.percent("5").withCap("50"));
        ledger.service.accrue(inVisit(came(1, 1), null));
        ledger.service.accrue(inVisit(came(2, 1), null));
        assertEquals(money("100.00"), ledger.store.balance(USER));
    }

    private static StoredRecord inVisit(StoredRecord r, String visit) {
        PhoneNumber phone = r.clientPhone();
        return new StoredRecord(r.companyId(), r.recordId(), r.changedAt(), r.deleted(), r.clientId(), phone, r.staffId(), r.attendance(),
                r.paidFull(), r.services(), r.startsAt(), r.seanceLength(), visit, r.incomplete(), r.source());
    }
}

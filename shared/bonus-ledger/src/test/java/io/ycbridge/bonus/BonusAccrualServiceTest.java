package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.CLIENT;
import static io.ycbridge.bonus.Visits.COMPANY;
import static io.ycbridge.bonus.Visits.PHONE;
import static io.ycbridge.bonus.Visits.came;
import static io.ycbridge.bonus.Visits.money;
import static io.ycbridge.bonus.Visits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class BonusAccrualServiceTest {
    private static final String USER = "user-sub-1";
    private static final BonusOwner OWNER = BonusOwner.user(USER);
    private final DynamoDbClient client;
    private Ledger ledger;

    BonusAccrualServiceTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTables() {
        ledger = new Ledger(client, BonusRules.percent("5"));
        ledger.service.linkProvenPhone(USER, PHONE);
    }

    @Test
    void aCompletedVisitAccruesOnceHoweverOftenItIsDelivered() {
        AccrualResult first = ledger.service.accrue(came(9001, 5));

        assertEquals(AccrualOutcome.APPLIED, first.outcome());
        assertEquals(EntryKind.ACCRUAL, first.kind());
        assertEquals(money("99.00"), first.amount());
        for (int i = 0; i < 3; i++) {
            assertEquals(AccrualOutcome.STALE, ledger.service.accrue(came(9001, 5)).outcome());
        }
        assertEquals(money("99.00"), ledger.store.balance(OWNER));
        assertEquals(1, ledger.entries(OWNER).size());
    }

    @Test
    void aPreviewTellsWhatTheAccrualWillDoAndWritesNothing() {
        StoredRecord visit = came(9001, 5);

        AccrualResult preview = ledger.service.preview(visit, 1);
        assertEquals(new AccrualResult(COMPANY, 9001, AccrualOutcome.APPLIED, EntryKind.ACCRUAL,
                money("99.00"), OWNER), preview);
        assertEquals(preview, ledger.service.preview(visit, 1), "nothing was written: the same answer again");
        assertEquals(money("0.00"), ledger.store.balance(OWNER));
        assertFalse(ledger.store.state(visit.companyId(), 9001).seen(), "not even the version");

        assertEquals(preview, ledger.service.accrue(visit, 1), "what the preview said is what the accrual does");
        assertEquals(AccrualOutcome.STALE, ledger.service.preview(visit, 1).outcome());
        AccrualResult reversal = ledger.service.preview(with(visit, 6, 1, true, true), 2);
        assertEquals(EntryKind.REVERSAL, reversal.kind());
        assertEquals(money("-99.00"), reversal.amount());
        assertEquals(AccrualOutcome.INCOMPLETE, ledger.service.preview(Visits.incomplete(visit), 3).outcome());
        assertEquals(money("99.00"), ledger.store.balance(OWNER));
    }

    @Test
    void cancellationReversesAndAChangedAmountAdjusts() {
        StoredRecord visit = came(9001, 5);
        ledger.service.accrue(visit);

        AccrualResult adjusted = ledger.service.accrue(Visits.withServices(visit, 6, List.of(new StoredService(301, "Haircut", money("2000"), 1))));
        assertEquals(EntryKind.ADJUSTMENT, adjusted.kind());
        assertEquals(money("1.00"), adjusted.amount());

        AccrualResult reversed = ledger.service.accrue(with(visit, 7, 1, true, true));
        assertEquals(EntryKind.REVERSAL, reversed.kind());
        assertEquals(money("-100.00"), reversed.amount());

        assertEquals(money("0.00"), ledger.store.balance(OWNER));
        assertEquals(ledger.sum(OWNER), ledger.store.balance(OWNER));
        assertEquals(List.of(EntryKind.REVERSAL, EntryKind.ADJUSTMENT, EntryKind.ACCRUAL),
                ledger.entries(OWNER).stream().map(LedgerEntry::kind).toList(), "newest first");
    }

    @Test
    void reorderedVersionsConvergeToTheNewest() {
        StoredRecord accrued = came(9001, 5);
        StoredRecord cancelled = with(accrued, 7, 1, true, true);

        assertEquals(AccrualOutcome.UNCHANGED, ledger.service.accrue(cancelled).outcome(), "the cancel arrives first: nothing to reverse");
        assertEquals(AccrualOutcome.STALE, ledger.service.accrue(accrued).outcome(), "the older completion must not pay now");

        assertEquals(money("0.00"), ledger.store.balance(OWNER));
        assertTrue(ledger.entries(OWNER).isEmpty());
    }

    @Test
    void anEnvironmentWhoseRememberedStateWasOvertakenStillConverges() {
        BonusAccrualService other = new BonusAccrualService(ledger.store, ledger.links, CompanyBonusRules.uniform(BonusRules.percent("5")));
        StoredRecord visit = came(9001, 5);
        ledger.service.accrue(visit);                                   // this environment remembers: accrued 99 at v5
        other.accrue(with(visit, 6, 1, true, true));                    // another one reverses it at v6
        StoredRecord changed = Visits.withServices(visit, 7, List.of(new StoredService(301, "Haircut", money("2000"), 1)));

        AccrualResult result = ledger.service.accrue(changed);          // v7 decided from a hint that is now wrong

        assertEquals(EntryKind.ACCRUAL, result.kind(), "from 0 after the reversal, not an adjustment from 99");
        assertEquals(money("100.00"), result.amount());
        assertEquals(money("100.00"), ledger.store.balance(OWNER));
        assertEquals(ledger.sum(OWNER), ledger.store.balance(OWNER));
        assertEquals(AccrualOutcome.STALE, other.accrue(visit).outcome());
    }

    @Test
    void noShowsUnpaidAndIncompleteRecordsPayNothing() {
        assertEquals(AccrualOutcome.UNCHANGED, ledger.service.accrue(with(came(9001, 1), 1, -1, true, false)).outcome());
        assertEquals(AccrualOutcome.UNCHANGED, ledger.service.accrue(with(came(9002, 1), 1, 1, false, false)).outcome());
        assertEquals(AccrualOutcome.INCOMPLETE, ledger.service.accrue(Visits.incomplete(came(9003, 1))).outcome());

        assertEquals(AccrualOutcome.APPLIED, ledger.service.accrue(came(9003, 1)).outcome(), "completed by the sync at the same version");
        assertEquals(money("99.00"), ledger.store.balance(OWNER));
    }

    @Test
    void aVisitIsMatchedByPhoneWhenTheClientIdIsUnknown() {
        StoredRecord byPhone = Visits.visit(9001, 1, 1, true, false, 999L, PHONE, came(1, 1).services());

        AccrualResult result = ledger.service.accrue(byPhone);

        assertEquals(OWNER, result.owner());
        assertEquals(money("99.00"), ledger.store.balance(OWNER));
    }

    @Test
    void aRecordWithoutClientAccruesOnceAVersionNamesOne() {
        // An earlier booking showed the client with the user's phone: the client id alone now names the user.
        ledger.service.accrue(Visits.visit(9000, 1, 0, false, false, CLIENT, PHONE, came(1, 1).services()));
        StoredRecord anonymous = Visits.visit(9001, 1, 1, true, false, null, null, came(1, 1).services());
        assertEquals(AccrualOutcome.NO_CLIENT, ledger.service.accrue(anonymous).outcome());

        AccrualResult named = ledger.service.accrue(Visits.visit(9001, 2, 1, true, false, CLIENT, null, came(1, 1).services()));

        assertEquals(EntryKind.ACCRUAL, named.kind());
        assertEquals(money("99.00"), ledger.store.balance(OWNER));
    }

    @Test
    void anUnmatchedVisitIsPendingUntilItsUserLinksThenCreditedOnce() {
        String phone = "+79990000002";
        StoredRecord stranger = Visits.visit(9101, 1, 1, true, false, 5005L, phone, came(1, 1).services());
        AccrualResult pending = ledger.service.accrue(stranger);
        assertTrue(pending.owner().pending());
        BonusOwner pendingOwner = BonusOwner.pendingPhone(phone);
        assertEquals(money("99.00"), ledger.store.balance(pendingOwner));

        BigDecimal credited = ledger.service.linkProvenPhone("user-2", phone);
        assertEquals(money("99.00"), credited);
        assertEquals(money("0.00"), ledger.service.linkProvenPhone("user-2", phone), "linking again credits nothing more");

        BonusOwner user2 = BonusOwner.user("user-2");
        assertEquals(money("99.00"), ledger.store.balance(user2));
        assertEquals(money("0.00"), ledger.store.balance(pendingOwner));
        assertEquals(ledger.sum(user2), ledger.store.balance(user2));
        assertEquals(ledger.sum(pendingOwner), ledger.store.balance(pendingOwner));

        // A later cancel reverses from the user who now holds the bonus.
        AccrualResult reversed = ledger.service.accrue(with(stranger, 2, 1, true, true));
        assertEquals(user2, reversed.owner());
        assertEquals(money("0.00"), ledger.store.balance(user2));
    }

    @Test
    void aVisitWithoutAPhoneIsPendingUnderItsClientAndCreditedOnceARecordShowsTheClientsPhone() {
        // Case 3: a client id with no usable phone is not stranded.
        StoredRecord phoneless = Visits.visit(9102, 1, 1, true, false, 5006L, null, came(1, 1).services());
        assertEquals(BonusOwner.pendingClient(COMPANY, 5006L), ledger.service.accrue(phoneless).owner());
        assertEquals(money("0.00"), ledger.service.linkProvenPhone("user-3", "+79990000006"), "nothing yet ties the client to the phone");

        // Another record shows client 5006 with that phone: the two belong together, and the user gets the pending visit.
        ledger.service.accrue(Visits.visit(9103, 1, 0, false, false, 5006L, "+79990000006", came(1, 1).services()));
        assertEquals(money("99.00"), ledger.store.balance(BonusOwner.user("user-3")));
        assertEquals(money("0.00"), ledger.store.balance(BonusOwner.pendingClient(COMPANY, 5006L)));

        // The client's next phone-less visit goes straight to the user.
        assertEquals(BonusOwner.user("user-3"), ledger.service.accrue(Visits.visit(9104, 1, 1, true, false, 5006L, null, came(1, 1).services())).owner());
        assertEquals(money("198.00"), ledger.store.balance(BonusOwner.user("user-3")));
    }

    @Test
    void aPhoneProvenByAnotherUserMovesToThemAndWhatWasCreditedStays() {
        ledger.service.accrue(came(1, 1));
        assertEquals(money("99.00"), ledger.store.balance(OWNER));

        ledger.service.linkProvenPhone("new-owner", PHONE);

        assertEquals("new-owner", ledger.links.userForPhone(PHONE).orElseThrow());
        assertEquals(null, ledger.links.linksOf(USER).orElseThrow().phoneE164(), "the old link ended");
        assertEquals(money("99.00"), ledger.store.balance(OWNER), "credited entries stay where they are");
        // A visit booked before the takeover and completed after it goes to the proven owner.
        assertEquals(BonusOwner.user("new-owner"), ledger.service.accrue(Visits.visit(9105, 1, 1, true, false, CLIENT, PHONE, came(1, 1).services())).owner());
    }

    @Test
    void relinkingDropsTheOldPhone() {
        ledger.service.linkProvenPhone(USER, "+79990000009");

        assertTrue(ledger.links.userForPhone(PHONE).isEmpty());
        assertEquals(USER, ledger.links.userForPhone("+79990000009").orElseThrow());
    }

    @Test
    void concurrentAccrualsForOneUserKeepTheBalanceTheSumOfEntries() throws Exception {
        int records = 24;
        List<StoredRecord> versions = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            StoredRecord visit = came(7000 + r, 1);
            versions.add(visit);
            versions.add(visit); // a duplicate delivery
            versions.add(Visits.withServices(visit, 2, List.of(new StoredService(301, "Haircut", money("1000"), 1))));
        }
        Collections.shuffle(versions, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<AccrualResult>> futures = new ArrayList<>();
            for (StoredRecord version : versions) {
                futures.add(pool.submit(() -> ledger.service.accrue(version)));
            }
            for (Future<AccrualResult> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(ledger.sum(OWNER), ledger.store.balance(OWNER));
        assertEquals(money("1200.00"), ledger.store.balance(OWNER), "every record ends at its newest version: 5% of 1000");
    }

    @Test
    void aBalanceReadsInPagesNewestFirst() {
        for (int r = 1; r <= 5; r++) {
            ledger.service.accrue(came(8000 + r, r));
        }
        BalancePage first = ledger.service.balance(USER, 2, null);
        BalancePage second = ledger.service.balance(USER, 2, first.nextCursor());
        BalancePage third = ledger.service.balance(USER, 2, second.nextCursor());

        assertEquals(money("495.00"), first.balance());
        assertEquals(List.of(8005L, 8004L), first.entries().stream().map(LedgerEntry::recordId).toList());
        assertEquals(List.of(8003L, 8002L), second.entries().stream().map(LedgerEntry::recordId).toList());
        assertEquals(List.of(8001L), third.entries().stream().map(LedgerEntry::recordId).toList());
        assertNull(third.nextCursor() == null || ledger.service.balance(USER, 2, third.nextCursor()).entries().isEmpty() ? null : "more");
        assertThrows(BonusAccrualService.BadCursorException.class, () -> ledger.service.balance(USER, 2, "bm90LWEta2V5"));
    }
}

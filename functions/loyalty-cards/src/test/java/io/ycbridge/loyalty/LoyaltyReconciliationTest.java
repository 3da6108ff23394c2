package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.EntrySource;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The daily comparison of card and ledger: a drift is an entry with its reason, never an overwrite, and only when settled. */
@ExtendWith(LocalDynamoDbExtension.class)
class LoyaltyReconciliationTest {
    private final LocalDynamoDb local;
    private CardWorld world;

    LoyaltyReconciliationTest(LocalDynamoDb local) {
        this.local = local;
    }

    @BeforeEach
    void world() {
        world = new CardWorld(local);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aCardThatAgreesNeedsNoEntry() throws Exception {
        world.accrue(world.paidVisit("1500.00"));
        world.settle();

        assertEquals(LoyaltyReconciliation.Outcome.MATCHED, world.reconciliation().reconcile(CardWorld.USER, CardWorld.CHAIN));
        assertTrue(drift().isEmpty());
    }

    @Test
    void aBalanceTheCardHeldBeforeItWasLinkedBecomesOneAdjustmentWithItsReason() throws Exception {
        var card = world.loyalty().issue(CardWorld.SALON, CardWorld.CARD_TYPE, "0001", CardWorld.DIGITS);
        // YClients' own programme put 30 on it an hour before cards were switched on: before the feed's first window.
        world.loyalty().externalAccrual(card.id(), new BigDecimal("30"));
        world.simulator.clock().advance(java.time.Duration.ofHours(1));
        world.accrue(world.paidVisit("1500.00"));
        world.settle();

        assertEquals(LoyaltyReconciliation.Outcome.DRIFT_ENTERED, world.reconciliation().reconcile(CardWorld.USER, CardWorld.CHAIN));

        List<LedgerEntry> drift = drift();
        assertEquals(1, drift.size());
        assertEquals(new BigDecimal("30.00"), drift.getFirst().amount());
        assertTrue(drift.getFirst().origin().reason().contains("the card held 105.00, the ledger 75.00"), drift.getFirst().origin().reason());
        assertEquals(world.card().balance().setScale(2), world.appBalance());
        world.settle();
        assertEquals(1, world.ourTitles().size(), "the drift is not posted back to the card");
        assertEquals(LoyaltyReconciliation.Outcome.MATCHED, world.reconciliation().reconcile(CardWorld.USER, CardWorld.CHAIN));
    }

    @Test
    void aSpendNotYetReadBackIsNoDrift() throws Exception {
        world.accrue(world.paidVisit("1500.00"));
        world.settle();
        world.loyalty().manualBySalon(world.card().id(), new BigDecimal("-25"), "spent at the desk");

        assertEquals(LoyaltyReconciliation.Outcome.MATCHED, world.reconciliation().reconcile(CardWorld.USER, CardWorld.CHAIN));
        assertTrue(drift().isEmpty());
        assertEquals(new BigDecimal("50.00"), world.appBalance());
    }

    @Test
    void entriesStillWaitingAreNotComparedYet() throws Exception {
        world.simulator.faults().on("/company/" + CardWorld.SALON + "/loyalty/cards/").always(io.ycbridge.simulator.Fault.serverError());
        world.accrue(world.paidVisit("1500.00"));
        world.settle();

        assertEquals(LoyaltyReconciliation.Outcome.NOT_SETTLED, world.reconciliation().reconcile(CardWorld.USER, CardWorld.CHAIN));
        assertEquals(BigDecimal.ZERO.setScale(2), world.card().balance().setScale(2));
        assertTrue(drift().isEmpty());
    }

    private List<LedgerEntry> drift() {
        return world.ledger.entries(BonusOwner.user(CardWorld.USER)).stream()
                .filter(entry -> entry.origin().source() == EntrySource.RECONCILIATION).toList();
    }
}

package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorDefaults;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every history of an entry going out to a card we can think of: posted once, posted again after a lost answer (never
 * twice), refused, waiting through an outage, a user without a proven phone, a card found or issued, the back-fill of a
 * new card; each against the simulator's cards and the ledger's real stream.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class LoyaltyMirrorTest {
    private static final String MANUAL_PATH = "/company/" + CardWorld.SALON + "/loyalty/cards/";
    private final LocalDynamoDb local;
    private CardWorld world;

    LoyaltyMirrorTest(LocalDynamoDb local) {
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
    void anAccrualIssuesTheCardAndBecomesOneManualTransactionNamingTheEntry() throws Exception {
        world.accrue(world.paidVisit("1500.00"));
        world.settle();

        assertEquals(new BigDecimal("75.00"), world.card().balance().setScale(2));
        assertEquals(1, world.ourTitles().size());
        assertTrue(world.ourTitles().getFirst().startsWith("ycbridge:235564-900001-accrual-"), world.ourTitles().toString());
        CardLink link = world.cards.link(CardWorld.USER, CardWorld.CHAIN).orElseThrow();
        assertEquals(MirrorStatus.POSTED, link.status());
        assertEquals(world.card().id(), link.cardId());
        assertEquals(1, link.posted());
    }

    @Test
    void aStreamDeliveredAgainPostsNothingTwice() throws Exception {
        world.accrue(world.paidVisit("1500.00"));
        world.settle();
        // The same batch again, as Lambda delivers it after a retried invocation: the entry is posted already.
        world.settle();
        world.mirror().drain(CardWorld.USER, CardWorld.CHAIN);

        assertEquals(1, world.ourTitles().size());
    }

    @Test
    void aReversalTakesTheAccrualBackFromTheCard() throws Exception {
        StoredRecord visit = world.paidVisit("1500.00");
        world.accrue(visit);
        world.accrue(world.cancelled(visit));
        world.settle();

        assertEquals(0, world.card().balance().signum());
        assertEquals(2, world.ourTitles().size());
        assertEquals(0, world.appBalance().signum());
    }

    @Test
    void anAnswerLostAfterYClientsAppliedTheTransactionIsFoundOnTheCardAndNotPostedAgain() throws Exception {
        world.simulator.faults().on(MANUAL_PATH).next(Fault.answerLost(503));
        world.accrue(world.paidVisit("1500.00"));
        world.settle();
        assertEquals(MirrorStatus.UNCERTAIN, world.cards.link(CardWorld.USER, CardWorld.CHAIN).orElseThrow().status());
        assertEquals(1, world.ourTitles().size(), "YClients applied it before the answer was lost");

        world.runCycle();

        assertEquals(1, world.ourTitles().size(), "found on the card, not posted again");
        assertEquals(new BigDecimal("75.00"), world.card().balance().setScale(2));
        assertEquals(MirrorStatus.POSTED, world.cards.link(CardWorld.USER, CardWorld.CHAIN).orElseThrow().status());
        assertTrue(world.cards.outbox(CardWorld.USER, CardWorld.CHAIN, 10).isEmpty());
    }

    @Test
    void aFiveHundredBeforeApplyingIsPostedOnceWhenTheCardShowsNothing() throws Exception {
        world.simulator.faults().on(MANUAL_PATH).next(Fault.serverError());
        world.accrue(world.paidVisit("1500.00"));
        world.settle();
        assertEquals(0, world.ourTitles().size());

        world.runCycle();

        assertEquals(1, world.ourTitles().size());
        assertEquals(new BigDecimal("75.00"), world.card().balance().setScale(2));
    }

    @Test
    void entriesMadeWhileTheApiIsDownWaitAndGoOutInOrderWhenItAnswers() throws Exception {
        world.simulator.faults().on(MANUAL_PATH).always(Fault.serverError());
        StoredRecord first = world.paidVisit("1500.00");
        world.accrue(first);
        world.accrue(world.paidVisit("1000.00"));
        world.accrue(world.cancelled(first));
        world.settle();
        world.runCycle();
        assertEquals(0, world.ourTitles().size());
        assertEquals(3, world.cards.outbox(CardWorld.USER, CardWorld.CHAIN, 10).size());

        world.simulator.faults().clear();
        world.runCycle();

        List<String> titles = world.ourTitles();
        assertEquals(3, titles.size());
        assertTrue(titles.get(0).contains("-900001-accrual-"), titles.toString());
        assertTrue(titles.get(1).contains("-900002-accrual-"), titles.toString());
        assertTrue(titles.get(2).contains("-900001-reversal-"), titles.toString());
        assertEquals(new BigDecimal("50.00"), world.card().balance().setScale(2));
        assertEquals(world.appBalance(), world.card().balance().setScale(2));
    }

    @Test
    void aDebitTheCardCannotCoverWaitsWithTheReasonUntilALaterCreditCoversIt() throws Exception {
        StoredRecord visit = world.paidVisit("1500.00");
        world.accrue(visit);
        world.settle();
        // The cashier spent the bonus before the visit was cancelled: the card cannot give the 75 back.
        world.loyalty().manualBySalon(world.card().id(), new BigDecimal("-75"), "spent at the desk");
        world.accrue(world.cancelled(visit));
        world.settle();

        CardLink link = world.cards.link(CardWorld.USER, CardWorld.CHAIN).orElseThrow();
        assertEquals(MirrorStatus.REFUSED, link.status());
        assertTrue(link.reason().contains("refused"), link.reason());
        assertEquals(1, world.cards.outbox(CardWorld.USER, CardWorld.CHAIN, 10).size());
        assertEquals(1, world.ourTitles().size());

        // The next visit's credit goes out past the refused deduction, which then fits and follows it.
        world.accrue(world.paidVisit("2000.00"));
        world.settle();
        assertEquals(3, world.ourTitles().size());
        assertTrue(world.ourTitles().get(2).contains("-900001-reversal-"), world.ourTitles().toString());
        assertEquals(new BigDecimal("25.00"), world.card().balance().setScale(2));
        assertTrue(world.cards.outbox(CardWorld.USER, CardWorld.CHAIN, 10).isEmpty());
        world.runCycle();
        assertEquals(world.appBalance(), world.card().balance().setScale(2), "the cashier's spend came back as a redemption");
    }

    @Test
    void withoutTheRightToMakeManualTransactionsEntriesWaitRefused() throws Exception {
        world.loyalty().denyManualTransactions(SimulatorDefaults.USER_TOKEN, CardWorld.SALON);
        world.accrue(world.paidVisit("1500.00"));
        world.settle();

        CardLink link = world.cards.link(CardWorld.USER, CardWorld.CHAIN).orElseThrow();
        assertEquals(MirrorStatus.REFUSED, link.status());
        assertTrue(link.reason().contains("PermissionException"), link.reason());

        world.loyalty().allowManualTransactions(SimulatorDefaults.USER_TOKEN, CardWorld.SALON);
        world.runCycle();
        assertEquals(1, world.ourTitles().size());
    }

    @Test
    void aClientsExistingCardOfTheTypeIsUsedAndNotIssuedAgain() throws Exception {
        world.loyalty().issue(CardWorld.SALON, CardWorld.CARD_TYPE, "0001", CardWorld.DIGITS);
        world.accrue(world.paidVisit("1500.00"));
        world.settle();

        assertEquals("0001", world.card().number());
        assertEquals(new BigDecimal("75.00"), world.card().balance().setScale(2));
    }

    @Test
    void entriesMadeBeforeTheCardWasLinkedAreBackFilledOnce() throws Exception {
        // The bonus accrues while cards are off ...
        world.accrue(world.paidVisit("1500.00"));
        world.adjust("10", "goodwill for a late start");
        world.settleWithCardsOff();
        assertEquals(0, world.simulator.loyalty().cardsOf(CardWorld.DIGITS).size());
        // ... then the first entry after they are switched on links the card and brings the earlier two with it.
        world.accrue(world.paidVisit("1000.00"));
        world.settle();

        assertEquals(3, world.ourTitles().size());
        assertEquals(new BigDecimal("135.00"), world.card().balance().setScale(2));
        assertEquals(world.appBalance(), world.card().balance().setScale(2));
    }

    @Test
    void aRequeueOfTheWholeLedgerPostsOnlyWhatIsNotOnTheCard() throws Exception {
        world.accrue(world.paidVisit("1500.00"));
        world.settle();
        // Written while the stream's delivery to the mirror was lost: in the ledger, not in the outbox.
        world.adjust("10", "goodwill for a late start");

        assertEquals(2, world.mirror().requeue(CardWorld.USER));
        assertEquals(LoyaltyMirror.Drained.DONE, world.mirror().drain(CardWorld.USER, CardWorld.CHAIN));
        assertEquals(2, world.ourTitles().size(), "the accrual on the card already is not posted again");

        assertEquals(2, world.mirror().requeue(CardWorld.USER));
        assertEquals(LoyaltyMirror.Drained.DONE, world.mirror().drain(CardWorld.USER, CardWorld.CHAIN));
        assertEquals(2, world.ourTitles().size());
        assertEquals(new BigDecimal("85.00"), world.card().balance().setScale(2));
        assertEquals(world.appBalance(), world.card().balance().setScale(2));
        assertEquals(2, world.cards.link(CardWorld.USER, CardWorld.CHAIN).orElseThrow().posted());
        assertTrue(world.cards.outbox(CardWorld.USER, CardWorld.CHAIN, 10).isEmpty());
    }

    @Test
    void aUserWithoutAProvenPhoneWaitsWithoutAnyApiRequest() throws Exception {
        world.ledger.service.unlink(CardWorld.USER);
        world.simulator.clearRequests();
        world.adjust("10", "a correction before the phone is proven");
        world.settle();

        assertEquals(MirrorStatus.NO_PHONE, world.cards.link(CardWorld.USER, CardWorld.CHAIN).orElseThrow().status());
        assertEquals(0, world.simulator.requestCount());
        assertEquals(1, world.cards.outbox(CardWorld.USER, CardWorld.CHAIN, 10).size());
    }

    @Test
    void aDrainHoldingTheUsersLeaseKeepsASecondOneOut() {
        assertTrue(world.cards.lease(CardWorld.USER, CardWorld.CHAIN, world.simulator.clock().instant(), java.time.Duration.ofMinutes(2)));
        assertEquals(LoyaltyMirror.Drained.BUSY, world.mirror().drain(CardWorld.USER, CardWorld.CHAIN));
    }
}

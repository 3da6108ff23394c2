package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.EntrySource;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What happens on a card in YClients comes back into the ledger once, with its kind, and the balances agree after. */
@ExtendWith(LocalDynamoDbExtension.class)
class LoyaltyFeedTest {
    private final LocalDynamoDb local;
    private CardWorld world;

    LoyaltyFeedTest(LocalDynamoDb local) {
        this.local = local;
    }

    @BeforeEach
    void world() throws Exception {
        world = new CardWorld(local);
        world.accrue(world.paidVisit("3000.00"));
        world.settle();
        world.runCycle();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aSpendAtTheCounterComesBackAsOneRedemptionAndTheAppBalanceFollowsTheCard() throws Exception {
        long card = world.card().id();
        world.loyalty().manualBySalon(card, new BigDecimal("-40"), "paid part of a haircut with the bonus");
        world.simulator.clock().advance(Duration.ofMinutes(1));

        world.runCycle();
        world.simulator.clock().advance(Duration.ofMinutes(30));
        world.runCycle();

        List<LedgerEntry> fromCard = fromCard();
        assertEquals(1, fromCard.size(), "read twice (the overlap and the next cycle), entered once");
        assertEquals(EntryKind.REDEMPTION, fromCard.getFirst().kind());
        assertEquals(new BigDecimal("-40.00"), fromCard.getFirst().amount());
        assertEquals(new BigDecimal("110.00"), world.appBalance());
        assertEquals(world.appBalance(), world.card().balance().setScale(2));
        world.settle();
        assertEquals(1, world.ourTitles().size(), "what came from the card is not posted back to it");
    }

    @Test
    void expiryAndYClientsOwnCreditsComeBackWithTheirKinds() throws Exception {
        long card = world.card().id();
        world.loyalty().expire(card, new BigDecimal("20"));
        world.loyalty().externalAccrual(card, new BigDecimal("15"));
        world.simulator.clock().advance(Duration.ofMinutes(1));

        world.runCycle();

        assertEquals(List.of(EntryKind.EXPIRY, EntryKind.EXTERNAL_ACCRUAL), fromCard().stream().map(LedgerEntry::kind).sorted().toList());
        assertEquals(new BigDecimal("145.00"), world.appBalance());
        assertEquals(world.appBalance(), world.card().balance().setScale(2));
    }

    @Test
    void anotherClientsCardIsNotOurs() throws Exception {
        var other = world.loyalty().issue(CardWorld.SALON, CardWorld.CARD_TYPE, "0002", "79990000009");
        world.loyalty().externalAccrual(other.id(), new BigDecimal("15"));
        world.simulator.clock().advance(Duration.ofMinutes(1));

        LoyaltyFeed.FeedRead read = world.feed().read(CardWorld.CHAIN);

        assertEquals(1, read.notOurs());
        assertEquals(0, read.entered());
        assertTrue(fromCard().isEmpty());
    }

    @Test
    void aFeedThatFailsKeepsItsCursorAndTheNextRunReadsTheWindowAgain() throws Exception {
        world.loyalty().manualBySalon(world.card().id(), new BigDecimal("-10"), "spend");
        world.simulator.faults().on("/chain/").always(io.ycbridge.simulator.Fault.serverError());
        LoyaltyCycle.Summary failed = world.runCycle();
        assertEquals(1, failed.feedFailures());
        world.simulator.faults().clear();

        world.runCycle();

        assertEquals(1, fromCard().size());
    }

    private List<LedgerEntry> fromCard() {
        return world.ledger.entries(BonusOwner.user(CardWorld.USER)).stream()
                .filter(entry -> entry.origin().source() == EntrySource.CARD).toList();
    }
}

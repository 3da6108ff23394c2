package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MessageLanguage;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.yclients.model.LoyaltyCard;
import io.ycbridge.yclients.model.LoyaltyCardType;
import io.ycbridge.yclients.model.LoyaltyTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loyalty cards, the client against the simulator, as the bridge would mirror its bonuses: find or issue the client's
 * card, add and deduct by manual transaction, read the chain's feed; and which of those calls are repeated after a
 * failure (the reads) and which never are (issuing, a manual transaction). The simulator's clock stands at
 * 20 November 2026, 09:00 UTC.
 */
class LoyaltyCardsIT {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private static final long CHAIN = SimulatorSeed.DEMO_CHAIN_ID;
    private static final long TYPE = SimulatorSeed.DEMO_CARD_TYPE_ID;
    private static final String PHONE = "79991112233";

    private YClientsSimulator sim;
    private YClientsClient office;

    @BeforeEach
    void start() {
        sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
        office = DemoBooking.client(sim, new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private long requests(String method, String path) {
        return sim.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    private static String manualPath(long companyId, long cardId) {
        return "/company/" + companyId + "/loyalty/cards/" + cardId + "/manual_transaction";
    }

    private BigDecimal balance(long cardId) {
        return sim.loyalty().card(cardId).orElseThrow().balance();
    }

    @Test
    void aCardIsFoundOrIssuedThenToppedUpDeductedAndReadBackFromTheChainsFeed() {
        assertEquals(List.of(new LoyaltyCardType(TYPE, "Бонусы приложения", CHAIN)), office.loyaltyCardTypes(SALON));
        assertEquals(List.of(), office.loyaltyCards(PHONE, CHAIN, SALON), "no card yet");
        LoyaltyCard card = office.issueLoyaltyCard(SALON, "0014507100000101", TYPE, PHONE);
        assertEquals("0014507100000101", card.number());
        assertEquals(List.of(card), office.loyaltyCards(PHONE, CHAIN, BRANCH), "the chain's card, seen from the branch too");

        Instant first = sim.clock().now();
        LoyaltyTransaction added = office.postManualLoyaltyTransaction(SALON, card.id(), new BigDecimal("250"), "ycb:entry-1");
        assertNotEquals(0, added.id());
        assertEquals(5, added.typeId());
        assertEquals(0, new BigDecimal("250").compareTo(added.amount()));
        assertEquals("ycb:entry-1", added.title());
        assertEquals(card.id(), added.cardId());
        assertEquals(first, added.createdAt());

        sim.clock().advance(Duration.ofHours(1));
        LoyaltyTransaction deducted = office.postManualLoyaltyTransaction(BRANCH, card.id(), new BigDecimal("-100.50"), "ycb:entry-2");
        assertEquals(0, new BigDecimal("-100.5").compareTo(deducted.amount()));
        assertEquals(0, new BigDecimal("149.5").compareTo(office.loyaltyCards(PHONE, CHAIN, SALON).getFirst().balance()));

        InsufficientCardBalanceException tooMuch = assertThrows(InsufficientCardBalanceException.class,
                () -> office.postManualLoyaltyTransaction(SALON, card.id(), new BigDecimal("-149.51"), "ycb:entry-3"));
        assertEquals(422, tooMuch.status());
        assertEquals("Недостаточно средств на карте", tooMuch.apiMessage());
        assertTrue(tooMuch.getMessage().contains("deduct at most that"));
        sim.messages(MessageLanguage.EN);
        assertEquals("Not enough funds on the card", assertThrows(InsufficientCardBalanceException.class,
                () -> office.postManualLoyaltyTransaction(SALON, card.id(), new BigDecimal("-1000"), "x")).apiMessage());

        // What the salon does at its till shows in the feed beside ours.
        sim.clock().advance(Duration.ofHours(1));
        sim.loyalty().externalAccrual(card.id(), new BigDecimal("30"));
        List<LoyaltyTransaction> feed = office.chainLoyaltyTransactions(CHAIN, first, null).toList();
        assertEquals(List.of(5, 5, 2), feed.stream().map(LoyaltyTransaction::typeId).toList());
        assertEquals(List.of("ycb:entry-1", "ycb:entry-2"), feed.stream().limit(2).map(LoyaltyTransaction::title).toList());
        assertEquals(first.plus(Duration.ofHours(1)), feed.get(1).createdAt());
        assertEquals("2026-11-20T09:00:00+00:00", sim.requests().getLast().query().get("created_after"));
        assertEquals(List.of(added.id()), office.chainLoyaltyTransactions(CHAIN, null, first).items().map(LoyaltyTransaction::id).toList(),
                "the bounds include their own second");
    }

    @Test
    void theFeedIsReadPageByPageOfAHundred() {
        long card = sim.loyalty().issue(SALON, TYPE, "A-1", PHONE).id();
        for (int i = 0; i < 230; i++) {
            sim.loyalty().externalAccrual(card, BigDecimal.ONE);
        }
        List<LoyaltyTransaction> feed = office.chainLoyaltyTransactions(CHAIN, null, null).toList();
        assertEquals(230, feed.size());
        assertEquals(feed.stream().map(LoyaltyTransaction::id).sorted().toList(), feed.stream().map(LoyaltyTransaction::id).toList());
        assertEquals(List.of("1", "2", "3"), sim.requests().stream().map(r -> r.query().get("page")).toList());
        assertTrue(sim.requests().stream().allMatch(r -> "100".equals(r.query().get("count"))));
    }

    @Test
    void aManualTransactionIsNeverRetriedWhateverTheFailure() {
        long card = sim.loyalty().issue(SALON, TYPE, "A-1", PHONE).id();
        sim.faults().on(manualPath(SALON, card)).next(Fault.serverError());
        ServerException failed = assertThrows(ServerException.class,
                () -> office.postManualLoyaltyTransaction(SALON, card, new BigDecimal("40"), "ycb:entry-9"));
        assertTrue(failed.isTransient(), "transient, yet not repeated: there is no idempotency key");
        assertEquals(1, requests("POST", manualPath(SALON, card)));
        assertEquals(0, balance(card).signum());

        // The answer lost after the work: still one request, and the caller finds its title in the feed.
        sim.faults().on(manualPath(SALON, card)).next(Fault.answerLost(504));
        assertThrows(ServerException.class, () -> office.postManualLoyaltyTransaction(SALON, card, new BigDecimal("40"), "ycb:entry-9"));
        assertEquals(2, requests("POST", manualPath(SALON, card)));
        assertEquals(0, new BigDecimal("40").compareTo(balance(card)));
        assertEquals(List.of("ycb:entry-9"), office.chainLoyaltyTransactions(CHAIN, null, null).items().map(LoyaltyTransaction::title).toList());

        sim.faults().on("/loyalty/cards").next(Fault.latency(Duration.ZERO)).next(Fault.serverError());
        office.loyaltyCards(PHONE, CHAIN, SALON);
        assertThrows(ServerException.class, () -> office.issueLoyaltyCard(SALON, "B-1", TYPE, "79990000009"));
        assertEquals(1, requests("POST", "/loyalty/cards/" + SALON), "issuing twice could issue two cards");
    }

    @Test
    void theReadsAreRetriedOnA5xxOrA429() {
        sim.faults().on("/loyalty/cards").next(Fault.serverError());
        assertEquals(List.of(), office.loyaltyCards(PHONE, CHAIN, SALON));
        assertEquals(2, requests("GET", "/loyalty/cards/" + PHONE + "/" + CHAIN + "/" + SALON));

        sim.faults().on("/loyalty/card_types").next(Fault.status(502, "Bad gateway"));
        assertEquals(1, office.loyaltyCardTypes(BRANCH).size());
        assertEquals(2, requests("GET", "/loyalty/card_types/salon/" + BRANCH));

        sim.faults().on("/chain").next(Fault.rateLimited(Duration.ofSeconds(1)));
        assertEquals(List.of(), office.chainLoyaltyTransactions(CHAIN, null, null).toList());
        assertEquals(2, requests("GET", "/chain/" + CHAIN + "/loyalty/transactions"));
    }

    @Test
    void aUserWithoutTheManualRightGetsAPermissionExceptionNamingIt() {
        long card = sim.loyalty().issue(SALON, TYPE, "A-1", PHONE).id();
        sim.loyalty().denyManualTransactions(SimulatorDefaults.USER_TOKEN, SALON);
        PermissionException denied = assertThrows(PermissionException.class,
                () -> office.postManualLoyaltyTransaction(SALON, card, BigDecimal.TEN, "ycb:entry-1"));
        assertEquals(403, denied.status());
        assertEquals("Нет прав на ручное пополнение/списание с карт лояльности", denied.apiMessage());
        assertTrue(denied.getMessage().contains("loyalty_cards_manual_transactions_access"));
        assertEquals(1, sim.requestCount(), "a refusal is not repeated");
    }

    @Test
    void whatCannotBeSentRightIsRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> office.loyaltyCards("+7 999 111-22-33", CHAIN, SALON));
        assertThrows(IllegalArgumentException.class, () -> office.loyaltyCards("7999/../1", CHAIN, SALON));
        assertThrows(IllegalArgumentException.class, () -> office.issueLoyaltyCard(SALON, "C-1", TYPE, "8 (999) 111"));
        assertThrows(IllegalArgumentException.class, () -> office.issueLoyaltyCard(SALON, " ", TYPE, PHONE));
        assertThrows(IllegalArgumentException.class, () -> office.postManualLoyaltyTransaction(SALON, 1, BigDecimal.ZERO, "zero"));
        assertThrows(IllegalArgumentException.class, () -> office.postManualLoyaltyTransaction(SALON, 1, BigDecimal.ONE, " "));
        assertEquals(0, sim.requestCount());
        assertEquals(List.of(), sim.loyalty().cardsOf(PHONE), "nothing issued");
    }
}

package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's loyalty cards on the wire and at the till: issuing and finding cards, manual transactions and their
 * refusals, what a salon does to a card that no API call of ours does, and the chain's transaction feed.
 */
class LoyaltyCardsTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private static final long CHAIN = SimulatorSeed.DEMO_CHAIN_ID;
    private static final long TYPE = SimulatorSeed.DEMO_CARD_TYPE_ID;
    /** The phone of client 4001, whose record 9001 is today's visit at the salon. */
    private static final String ANNA = "79990000000";

    private static String issue(String number, long typeId, String phone) {
        return "{\"loyalty_card_number\": \"" + number + "\", \"loyalty_card_type_id\": \"" + typeId + "\", \"phone\": " + phone + "}";
    }

    private static String manual(String amount, String title) {
        return "{\"amount\": " + amount + ", \"title\": \"" + title + "\"}";
    }

    private static String manualPath(long companyId, long cardId) {
        return "/company/" + companyId + "/loyalty/cards/" + cardId + "/manual_transaction";
    }

    private static YClientsSimulator demo() {
        return YClientsSimulator.start().seed(SimulatorSeed.demo());
    }

    @Test
    void theDemoChainHasOneCardTypeSeenFromEitherCompany() {
        try (YClientsSimulator sim = demo()) {
            for (long company : List.of(SALON, BRANCH)) {
                JsonNode types = Api.of(sim).get("/loyalty/card_types/salon/" + company).data();
                assertEquals(1, types.size());
                assertEquals(TYPE, types.get(0).path("id").asLong());
                assertEquals("Бонусы приложения", types.get(0).path("title").asText());
                assertEquals(CHAIN, types.get(0).path("salon_group_id").asLong());
                assertEquals(CHAIN, types.get(0).path("salon_group").path("id").asLong());
            }
            sim.data().addCompany(777, "Alone", "Europe/Moscow");
            assertEquals(0, Api.of(sim).get("/loyalty/card_types/salon/777").data().size(), "a company in no chain has no types");
            assertEquals(404, Api.of(sim).get("/loyalty/card_types/salon/778").status());
        }
    }

    @Test
    void aCardIsIssuedOnceAndFoundByItsPhoneInTheChain() {
        try (YClientsSimulator sim = demo()) {
            Api api = Api.of(sim);
            Api.Answer issued = api.post("/loyalty/cards/" + SALON, issue("0014507100000001", TYPE, ANNA));
            assertEquals(200, issued.status(), issued.text());
            JsonNode card = issued.data();
            assertEquals("0014507100000001", card.path("number").asText(), "a number keeps its leading zeros");
            assertEquals(0, card.path("balance").decimalValue().signum());
            assertEquals(TYPE, card.path("type_id").asLong());
            assertEquals(CHAIN, card.path("salon_group_id").asLong());
            assertTrue(card.path("programs").isArray());

            // Found from the other company of the chain too, in any answer as a list.
            JsonNode found = api.get("/loyalty/cards/" + ANNA + "/" + CHAIN + "/" + BRANCH).data();
            assertEquals(1, found.size());
            assertEquals(card.path("id").asLong(), found.get(0).path("id").asLong());
            assertEquals(0, api.get("/loyalty/cards/79161234567/" + CHAIN + "/" + SALON).data().size());
            assertEquals(ANNA, sim.loyalty().card(card.path("id").asLong()).orElseThrow().phoneDigits());

            Api.Answer again = api.post("/loyalty/cards/" + BRANCH, issue("0014507100000002", TYPE, ANNA));
            assertEquals(422, again.status());
            assertEquals("Клиенту уже выдана карта этого типа", again.message());
            assertEquals(422, api.post("/loyalty/cards/" + SALON, issue("0014507100000001", TYPE, "79161234567")).status(),
                    "a number issued in the chain already");
            assertEquals(422, api.post("/loyalty/cards/" + SALON, issue("1", 8230, "79161234567")).status(), "not the chain's type");
            assertEquals(422, api.post("/loyalty/cards/" + SALON, "{\"loyalty_card_type_id\": " + TYPE + ", \"phone\": 79161234567}").status());
            assertEquals(404, api.get("/loyalty/cards/" + ANNA + "/999/" + SALON).status(), "no such chain");
            assertEquals(1, sim.loyalty().cardsOf("+7 999 000-00-00").size());
        }
    }

    @Test
    void manualTransactionsAddAndDeductAndNeverTakeACardBelowZero() {
        try (YClientsSimulator sim = demo()) {
            Api api = Api.of(sim);
            long card = sim.loyalty().issue(SALON, TYPE, "A-1", ANNA).id();
            Api.Answer added = api.post(manualPath(SALON, card), manual("500", "ycb:entry-1"));
            assertEquals(200, added.status(), added.text());
            assertEquals(5, added.data().path("type_id").asInt());
            assertEquals(0, new BigDecimal("500").compareTo(added.data().path("amount").decimalValue()));
            assertEquals("ycb:entry-1", added.data().path("title").asText());
            assertEquals(card, added.data().path("card_id").asLong());
            assertEquals("2026-11-20T12:00:00+03:00", added.data().path("created_date").asText(), "the salon's zone");

            Api.Answer deducted = api.post(manualPath(BRANCH, card), manual("-120.50", "ycb:entry-2"));
            assertEquals(200, deducted.status(), deducted.text());
            assertEquals(0, new BigDecimal("-120.5").compareTo(deducted.data().path("amount").decimalValue()), "signed");
            assertEquals("2026-11-20T11:00:00+02:00", deducted.data().path("created_date").asText(), "where it was made");
            assertEquals(0, new BigDecimal("379.5").compareTo(sim.loyalty().card(card).orElseThrow().balance()));

            Api.Answer tooMuch = api.post(manualPath(SALON, card), manual("-379.51", "ycb:entry-3"));
            assertEquals(422, tooMuch.status());
            assertEquals("Недостаточно средств на карте", tooMuch.message());
            assertFalse(tooMuch.json().path("success").asBoolean(true));
            sim.messages(MessageLanguage.EN);
            assertEquals("Not enough funds on the card", api.post(manualPath(SALON, card), manual("-1000", "x")).message());
            assertEquals(0, new BigDecimal("379.5").compareTo(sim.loyalty().card(card).orElseThrow().balance()));

            assertEquals(422, api.post(manualPath(SALON, card), manual("0", "zero")).status());
            assertEquals(422, api.post(manualPath(SALON, card), manual("\"many\"", "words")).status());
            assertEquals(422, api.post(manualPath(SALON, card), "{\"amount\": 10}").status(), "a title is required");
            assertEquals(404, api.post(manualPath(SALON, 1), manual("10", "no card")).status());
            assertEquals(2, sim.loyalty().transactions(CHAIN).size(), "refusals leave no transaction");
        }
    }

    @Test
    void aUserWithoutTheManualRightIsRefusedWith403AndKeepsTheDenialAcrossAPasswordChange() {
        try (YClientsSimulator sim = demo()) {
            long card = sim.loyalty().issue(SALON, TYPE, "A-1", ANNA).id();
            sim.loyalty().denyManualTransactions(SimulatorDefaults.USER_TOKEN, SALON);
            Api api = Api.of(sim);
            Api.Answer denied = api.post(manualPath(SALON, card), manual("10", "t"));
            assertEquals(403, denied.status());
            assertEquals("Нет прав на ручное пополнение/списание с карт лояльности", denied.message());
            assertEquals(200, api.post(manualPath(BRANCH, card), manual("10", "t")).status(), "the right is per company");

            sim.rotateUserToken(SimulatorDefaults.USER_TOKEN, "rotated-token");
            Api rotated = api.auth("Bearer " + SimulatorDefaults.PARTNER_TOKEN + ", User rotated-token");
            assertEquals(403, rotated.post(manualPath(SALON, card), manual("10", "t")).status());
            sim.loyalty().allowManualTransactions("rotated-token", SALON);
            assertEquals(200, rotated.post(manualPath(SALON, card), manual("10", "t")).status());

            assertEquals(401, api.auth(Api.PARTNER_ONLY).post(manualPath(SALON, card), manual("10", "t")).status());
            sim.revokeRights("rotated-token", SALON);
            Api.Answer noCompany = rotated.post(manualPath(SALON, card), manual("10", "t"));
            assertEquals(403, noCompany.status());
            assertEquals("Нет прав на управление компанией", noCompany.message());
        }
    }

    @Test
    void aCashierSpendsAtAVisitAtMostTheBalanceAndPointsAccrueAndBurn() {
        try (YClientsSimulator sim = demo()) {
            LoyaltyCards loyalty = sim.loyalty();
            long card = loyalty.issue(SALON, TYPE, "A-1", ANNA).id();
            LoyaltyCards.Transaction cashback = loyalty.externalAccrual(card, new BigDecimal("300"));
            assertEquals(2, cashback.typeId());

            LoyaltyCards.Transaction spent = loyalty.spend(SALON, 9001, new BigDecimal("500")).orElseThrow();
            assertEquals(3, spent.typeId());
            assertEquals(0, new BigDecimal("300").compareTo(spent.amount()), "no more than the card holds, and positive");
            assertEquals(9001L, spent.recordId());
            assertEquals(0, loyalty.card(card).orElseThrow().balance().signum());
            assertTrue(loyalty.spend(SALON, 9001, BigDecimal.TEN).isEmpty(), "an empty card gives nothing and no transaction");

            JsonNode onTheWire = Api.of(sim).get("/chain/" + CHAIN + "/loyalty/transactions").data().get(1);
            assertTrue(onTheWire.path("is_loyalty_withdraw").asBoolean());
            assertEquals(9001, onTheWire.path("item_record_id").asLong());
            assertEquals(301, onTheWire.path("item_id").asLong(), "the record's service");
            assertEquals(sim.data().recordJson(SALON, 9001).orElseThrow().path("visit_id").asLong(), onTheWire.path("visit_id").asLong());
            assertEquals("Списание с карты лояльности", onTheWire.path("type").path("title").asText());
            assertFalse(onTheWire.has("title"), "only a manual transaction has a title");

            loyalty.manualBySalon(card, new BigDecimal("50"), "подарок");
            LoyaltyCards.Transaction burnt = loyalty.expire(card, new BigDecimal("20"));
            assertEquals(6, burnt.typeId());
            assertEquals(0, new BigDecimal("20").compareTo(burnt.amount()));
            assertEquals(0, new BigDecimal("30").compareTo(loyalty.card(card).orElseThrow().balance()));
            assertThrows(IllegalArgumentException.class, () -> loyalty.expire(card, new BigDecimal("31")));
            assertThrows(IllegalArgumentException.class, () -> loyalty.manualBySalon(card, new BigDecimal("-31"), "x"));
            assertThrows(IllegalArgumentException.class, () -> loyalty.spend(SALON, 9005, BigDecimal.ONE), "a walk-in has no card");
            assertEquals(List.of(2, 3, 5, 6), loyalty.transactions(CHAIN).stream().map(LoyaltyCards.Transaction::typeId).toList());
        }
    }

    @Test
    void theFeedPagesTheChainsTransactionsOldestFirstWithinInclusiveBounds() {
        try (YClientsSimulator sim = demo()) {
            long card = sim.loyalty().issue(SALON, TYPE, "A-1", ANNA).id();
            for (int i = 1; i <= 5; i++) {
                sim.loyalty().externalAccrual(card, BigDecimal.valueOf(i));
                sim.clock().advance(Duration.ofHours(1));
            }
            // Now 09:00Z to 13:00Z, one an hour.
            Api api = Api.of(sim);
            String feed = "/chain/" + CHAIN + "/loyalty/transactions";
            JsonNode all = api.get(feed).data();
            assertEquals(5, all.size());
            assertTrue(all.get(0).path("id").asLong() < all.get(4).path("id").asLong());
            assertEquals("2026-11-20T12:00:00+03:00", all.get(0).path("created_date").asText());

            JsonNode window = api.get(feed + "?created_after=2026-11-20T13:00:00%2B03:00&created_before=2026-11-20T12:00:00Z").data();
            assertEquals(List.of(2, 3, 4), amounts(window), "both bounds count");
            assertEquals(List.of(4, 5), amounts(api.get(feed + "?created_after=2026-11-20T15:00:00%2B0300").data()));
            assertEquals(List.of(3, 4), amounts(api.get(feed + "?page=2&count=2").data()));
            Api.Answer last = api.get(feed + "?page=3&count=2");
            assertEquals(List.of(5), amounts(last.data()));
            assertEquals(3, last.json().path("meta").path("page").asInt());
            assertEquals(5, last.json().path("meta").path("total_count").asInt());
            assertEquals(0, api.get(feed + "?page=4&count=2").data().size());

            // An offset's '+' sent unencoded arrives as a space; a time without an offset is not the feed's either.
            assertEquals(400, api.get(feed + "?created_after=2026-11-20T13:00:00+03:00").status());
            assertEquals(400, api.get(feed + "?created_before=2026-11-20T13:00:00").status());
            assertEquals(404, api.get("/chain/999/loyalty/transactions").status());
            assertEquals(401, api.auth(Api.PARTNER_ONLY).get(feed).status());
            sim.revokeRights(SimulatorDefaults.USER_TOKEN, BRANCH);
            assertEquals(403, api.get(feed).status(), "the feed needs every company of the chain");
        }
    }

    @Test
    void aLostAnswerStillAppliesTheTransactionAndFaultsHitLoyaltyPathsLikeAnyOther() {
        try (YClientsSimulator sim = demo()) {
            Api api = Api.of(sim);
            long card = sim.loyalty().issue(SALON, TYPE, "A-1", ANNA).id();
            sim.faults().on(manualPath(SALON, card)).next(Fault.answerLost(504));
            assertEquals(504, api.post(manualPath(SALON, card), manual("70", "ycb:lost")).status());
            assertEquals(0, new BigDecimal("70").compareTo(sim.loyalty().card(card).orElseThrow().balance()), "done, only unanswered");
            assertEquals("ycb:lost", sim.loyalty().transactions(CHAIN).getFirst().title());

            sim.faults().on("/loyalty/cards").next(Fault.serverError()).next(Fault.rateLimited(Duration.ofSeconds(3)));
            String lookup = "/loyalty/cards/" + ANNA + "/" + CHAIN + "/" + SALON;
            assertEquals(503, api.get(lookup).status());
            assertEquals("3", api.get(lookup).header("Retry-After"));
            assertEquals(200, api.get(lookup).status());
            sim.faults().on("/chain").next(Fault.status(500, "boom"));
            assertEquals(500, api.get("/chain/" + CHAIN + "/loyalty/transactions").status());
            assertEquals(5, sim.requests().stream().filter(r -> r.path().contains("loyalty")).count(), "every request recorded");
        }
    }

    private static List<Integer> amounts(JsonNode transactions) {
        return java.util.stream.StreamSupport.stream(transactions.spliterator(), false).map(t -> t.path("amount").asInt()).toList();
    }
}

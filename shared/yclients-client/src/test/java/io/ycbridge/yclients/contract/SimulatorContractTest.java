package io.ycbridge.yclients.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers each endpoint the client calls in the reference example's shape: the same fields at every
 * level, the same JSON kind in each (a string where the reference writes "79067"), the same status. A departure is
 * allowed only with its reason, below; an allowance the simulator no longer needs fails too, so the list stays true.
 */
class SimulatorContractTest {
    private static final long COMPANY = 235564;
    private static final long RECORD_WITH_CLIENT = 9001;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static YClientsSimulator sim;

    private static final String NEXT_SLOT = "only with forBooking=1, as the companies' field table says";
    private static final String TIMEZONE_NAME = "live company answers name the IANA zone here beside hours in timezone (see the"
            + " client's Company); kept so that the client's preference for it stays exercised";

    /** Where the simulator writes a record (list item or single answer) otherwise than the reference, and why. */
    private static Map<String, String> recordAllowances(String at) {
        return Map.of(
                at + ".services[].cost_to_pay", "live answers carry it per service (shared/yclients-api.md); the bridge reads it",
                at + ".payment_status", "live answers carry it (shared/yclients-api.md); the bridge reads it",
                at + ".consumables", "only with include_consumables=1, as the parameter says; the simulator does not take it",
                at + ".finance_transactions", "only with include_finance_transactions=1, as the parameter says");
    }

    @BeforeAll
    static void start() {
        sim = YClientsSimulator.start();
        sim.seed(SimulatorSeed.demo());
        sim.addUser("testuser@yclients.com", "testpass", "reference-user-token", COMPANY);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer call(String method, String path, JsonNode body, boolean withUser) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
                .header("Accept", "application/vnd.yclients.v2+json")
                .header("Authorization", "Bearer " + SimulatorDefaults.PARTNER_TOKEN
                        + (withUser ? ", User " + SimulatorDefaults.USER_TOKEN : ""));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static void assertAgrees(ReferenceExample reference, Answer answer, Map<String, String> allowances) {
        assertEquals(reference.status(), answer.status(), "status of " + reference);
        assertShaped(reference.toString(), reference.shape().compare(answer.body()), allowances);
    }

    private static void assertShaped(String reference, List<JsonShape.Difference> differences, Map<String, String> allowances) {
        List<String> unexplained = JsonShape.unexplained(differences, allowances);
        assertEquals(List.of(), unexplained, "the simulator departs from " + reference + " in:\n" + String.join("\n", unexplained));
    }

    @Test
    void authentication() throws Exception {
        String user = "a live 201 carries the user beside the token (shared/yclients-api.md); the reference names only user_token";
        assertAgrees(ReferenceExample.AUTH, call("POST", "/auth", ReferenceExample.AUTH_REQUEST.json(), false), Map.of(
                "data.id", user, "data.name", user, "data.phone", user, "data.login", user, "data.email", user, "data.is_approved", user));
    }

    @Test
    void companies() throws Exception {
        assertAgrees(ReferenceExample.COMPANIES, call("GET", "/companies", null, false), Map.of(
                "data[].next_slot", NEXT_SLOT,
                "data[].timezone_name", TIMEZONE_NAME));
    }

    @Test
    void company() throws Exception {
        assertAgrees(ReferenceExample.COMPANY, call("GET", "/company/" + COMPANY, null, false), Map.of(
                "data.next_slot", NEXT_SLOT,
                "data.timezone_name", TIMEZONE_NAME,
                "data.phone", "in the companies' field table and the list example; this example leaves it out",
                "data.active", "in the list example; this example leaves it out"));
    }

    @Test
    void services() throws Exception {
        assertAgrees(ReferenceExample.SERVICES, call("GET", "/company/" + COMPANY + "/services", null, true), Map.of(
                "data[].duration", "live answers carry the service's length (peers' model: mkosinov/yclientsapi"
                        + " src/yclientsapi/schema/service.py, duration: int); the catalog keeps it"));
    }

    @Test
    void serviceCategories() throws Exception {
        assertAgrees(ReferenceExample.SERVICE_CATEGORIES, call("GET", "/company/" + COMPANY + "/service_categories", null, true), Map.of());
    }

    @Test
    void staff() throws Exception {
        assertAgrees(ReferenceExample.STAFF, call("GET", "/company/" + COMPANY + "/staff", null, true), Map.of(
                "data[].rating", "in the staff field table and the legacy /staff example; the client reads it",
                "data[].bookable", "the online-booking staff (book_staff) carries it; the client reads it"));
    }

    @Test
    void records() throws Exception {
        assertAgrees(ReferenceExample.RECORDS, call("GET", "/records/" + COMPANY, null, true), recordAllowances("data[]"));
    }

    @Test
    void record() throws Exception {
        Map<String, String> allowances = new HashMap<>(recordAllowances("data"));
        allowances.put("data.online", "in the list example and the records' field table; this example leaves it out");
        allowances.put("data.client.success_visits_count", "a client's visit counts are not modelled");
        allowances.put("data.client.fail_visits_count", "a client's visit counts are not modelled");
        assertAgrees(ReferenceExample.RECORD, call("GET", "/record/" + COMPANY + "/" + RECORD_WITH_CLIENT, null, true), allowances);
    }

    @Test
    void clientSearch() throws Exception {
        // The reference's own request, its filters narrowed to one the demo seed matches (its ids 1-3 are not there).
        ObjectNode request = (ObjectNode) ReferenceExample.CLIENTS_SEARCH_REQUEST.json();
        request.putArray("filters").addObject().put("type", "quick_search").putObject("state").put("value", "Анна");
        Answer answer = call("POST", "/company/" + COMPANY + "/clients/search", request, true);
        assertEquals(1, answer.body().path("data").size(), "the search found the client, so its fields were compared");
        assertAgrees(ReferenceExample.CLIENTS_SEARCH, answer, Map.of());
    }

    @Test
    void hookSettings() throws Exception {
        assertAgrees(ReferenceExample.HOOK_SETTINGS, call("GET", "/hooks_settings/" + COMPANY, null, true), Map.of());
    }

    @Test
    void hookSettingsUpdate() throws Exception {
        assertAgrees(ReferenceExample.HOOK_SETTINGS_UPDATE,
                call("POST", "/hooks_settings/" + COMPANY, ReferenceExample.HOOK_SETTINGS_UPDATE_REQUEST.json(), true), Map.of(
                        "data.good", "the request example and the GET answer carry it; this answer's example leaves it out"));
    }

    // ---- online booking ("Онлайн-запись", "Записи пользователя"), partner token only ------------------------------

    /** A free time of the demo salon's first master, days after the simulator's now. */
    private static final String FREE_TIME = "2026-11-24T10:00:00+03:00";
    private static final String REFUSAL_CODE = "the reference says a refusal carries its error code and, for 433, the"
            + " appointment's id, but its example shows only meta.message; the simulator adds them in errors (see"
            + " BookingWireFormat.refusal), where the client reads them";

    /** The reference's own booking request, its ids and times moved to what the demo seed offers. */
    private static ObjectNode bookingRequest(String apiId) {
        ObjectNode request = (ObjectNode) ReferenceExample.BOOK_RECORD_REQUEST.json();
        request.put("api_id", apiId);
        request.put("code", sim.bookingForms().sentCode(COMPANY, request.path("phone").asText()).orElse(""));
        ArrayNode appointments = (ArrayNode) request.path("appointments");
        ((ObjectNode) appointments.get(0)).put("staff_id", 55).put("datetime", FREE_TIME).putArray("services").add(301);
        ((ObjectNode) appointments.get(1)).put("staff_id", 56).put("datetime", FREE_TIME).putArray("services").add(303);
        return request;
    }

    @Test
    void bookableServices() throws Exception {
        assertAgrees(ReferenceExample.BOOK_SERVICES, call("GET", "/book_services/" + COMPANY + "?staff_id=55", null, false), Map.of());
    }

    @Test
    void bookableStaff() throws Exception {
        // Positions are not modelled: every master's is PHP's [], as the reference's second master has it.
        assertAgrees(ReferenceExample.BOOK_STAFF, call("GET", "/book_staff/" + COMPANY, null, false), Map.of());
    }

    @Test
    void bookingDates() throws Exception {
        // The grouped days are keyed by month number: the reference's are September and October 2015, the simulator's
        // the 30 days from its clock's 20 November 2026.
        String months = "keys are month numbers, which follow the dates";
        assertAgrees(ReferenceExample.BOOK_DATES, call("GET", "/book_dates/" + COMPANY + "?staff_id=55", null, false), Map.of(
                "data.booking_days.9", months, "data.booking_days.10", months, "data.booking_days.11", months, "data.booking_days.12", months,
                "data.working_days.9", months, "data.working_days.10", months, "data.working_days.11", months, "data.working_days.12", months));
    }

    @Test
    void bookableTimes() throws Exception {
        assertAgrees(ReferenceExample.BOOK_TIMES,
                call("GET", "/book_times/" + COMPANY + "/55/2026-11-24?service_ids%5B%5D=301", null, false), Map.of());
    }

    @Test
    void aCheckOfATakenTimeIsRefusedInTheReferencesShapeAndWords() throws Exception {
        // Record 9006 of the demo seed: master 57 from 13:00 on 22 November.
        ObjectNode request = (ObjectNode) ReferenceExample.BOOK_CHECK_REQUEST.json();
        ArrayNode appointments = request.putArray("appointments");
        appointments.addObject().put("id", 1).put("staff_id", 57).put("datetime", "2026-11-22T13:00:00+03:00").putArray("services").add(305);
        Answer answer = call("POST", "/book_check/" + COMPANY, request, false);
        assertAgrees(ReferenceExample.BOOK_CHECK_REFUSED, answer, Map.of(
                "errors", REFUSAL_CODE));
        assertEquals("К сотруднику Ольга Петрова(57) нельзя записаться на 22 ноября 2026 в 13:00. Выбранное время уже занято"
                + " или является нерабочим.", answer.body().path("meta").path("message").asText());
    }

    @Test
    void aBookingAndItsUsersRecord() throws Exception {
        ObjectNode code = (ObjectNode) ReferenceExample.BOOK_CODE_REQUEST.json();
        code.put("phone", ReferenceExample.BOOK_RECORD_REQUEST.json().path("phone").asText());
        assertEquals(201, call("POST", "/book_code/" + COMPANY, code, false).status(), "the reference's 201, without a body");
        Answer booked = call("POST", "/book_record/" + COMPANY, bookingRequest("contract-777"), false);
        assertAgrees(ReferenceExample.BOOK_RECORD, booked, Map.of());
        JsonNode first = booked.body().path("data").path(0);
        Answer mine = call("GET", "/user/records/" + first.path("record_id").asLong() + "/" + first.path("record_hash").asText(), null, false);
        assertAgrees(ReferenceExample.USER_RECORDS, mine, Map.of());
        assertEquals("contract-777", mine.body().path("data").path(0).path("api_id").asText());
    }

    @Test
    void aMove() throws Exception {
        // Record 9007 of the demo seed (master 56 from 10:00 on 25 November), a day on, with the reference's own request.
        ObjectNode request = (ObjectNode) ReferenceExample.BOOK_RECORD_RESCHEDULE_REQUEST.json();
        request.put("datetime", "2026-11-26T10:00:00");
        Answer moved = call("PUT", "/book_record/" + COMPANY + "/9007", request, true);
        assertAgrees(ReferenceExample.BOOK_RECORD_RESCHEDULE, moved, Map.of(
                "meta", "every other example's envelope, and \"Версионирование API\", has meta ([] when empty); this"
                        + " example's text ends before it"));
        assertEquals("2026-11-26T10:00:00", moved.body().path("data").path("date").asText(), "the new start, as the example writes it");
        assertEquals("DODO!", moved.body().path("data").path("comment").asText());
    }

    // ---- loyalty cards ("Карты лояльности"), both tokens ----------------------------------------------------------

    private static final long CHAIN = SimulatorSeed.DEMO_CHAIN_ID;
    private static final String FEED = "the chain's feed (YClients' current online reference, not our copy; to be checked on a"
            + " live account) carries it, and the simulator writes its transactions alike everywhere";

    /** A loyalty transaction as the reference writes them: the withdrawal's and the visit's, merged. */
    private static JsonShape transactionShape() {
        List<JsonNode> examples = new ArrayList<>();
        ReferenceExample.LOYALTY_CARD_WITHDRAWAL.json().path("data").path("loyalty_transactions").forEach(examples::add);
        ReferenceExample.VISIT_LOYALTY_TRANSACTIONS.json().path("data").forEach(examples::add);
        return JsonShape.of(examples.toArray(JsonNode[]::new));
    }

    private static String manualPath(long cardId) {
        return "/company/" + COMPANY + "/loyalty/cards/" + cardId + "/manual_transaction";
    }

    @Test
    void loyaltyCardTypes() throws Exception {
        assertAgrees(ReferenceExample.LOYALTY_CARD_TYPES, call("GET", "/loyalty/card_types/salon/" + COMPANY, null, true), Map.of());
    }

    @Test
    void aLoyaltyCardIssuedWithTheReferencesRequestAndFoundByItsPhone() throws Exception {
        ObjectNode request = (ObjectNode) ReferenceExample.LOYALTY_CARD_ISSUE_REQUEST.json();
        request.put("loyalty_card_type_id", Long.toString(SimulatorSeed.DEMO_CARD_TYPE_ID));
        assertAgrees(ReferenceExample.LOYALTY_CARD_ISSUE, call("POST", "/loyalty/cards/" + COMPANY, request, true), Map.of());

        Answer found = call("GET", "/loyalty/cards/" + request.path("phone").asText() + "/" + CHAIN + "/" + COMPANY, null, true);
        assertEquals(200, found.status());
        assertEquals(1, found.body().path("data").size(), "the card was found, so its fields were compared");
        // The field table says a list of cards where the example shows one: the simulator answers a list of such objects.
        ObjectNode asList = (ObjectNode) ReferenceExample.LOYALTY_CARDS.json();
        asList.set("data", JSON.createArrayNode().add(asList.get("data")));
        assertShaped(ReferenceExample.LOYALTY_CARDS + " as a list", JsonShape.of(asList).compare(found.body()), Map.of());
    }

    @Test
    void aManualTransactionAndTheChainsFeedWriteTheReferencesLoyaltyTransactions() throws Exception {
        // Client 4001's phone: record 9001 is her visit, where a cashier pays from the card too.
        long card = sim.loyalty().issue(COMPANY, SimulatorSeed.DEMO_CARD_TYPE_ID, "contract-1", "79990000000").id();
        ObjectNode body = JSON.createObjectNode().put("amount", new BigDecimal("150")).put("title", "contract");
        Answer manual = call("POST", manualPath(card), body, true);
        assertEquals(200, manual.status());
        String title = "a manual transaction's title, in the current online reference's answer";
        assertShaped("a loyalty transaction", transactionShape().compare(manual.body().path("data")), Map.of(
                "visit_id", FEED, "created_date", FEED, "title", title));

        sim.loyalty().spend(COMPANY, RECORD_WITH_CLIENT, new BigDecimal("100")).orElseThrow();
        sim.loyalty().expire(card, BigDecimal.TEN);
        Answer feed = call("GET", "/chain/" + CHAIN + "/loyalty/transactions", null, true);
        assertEquals(200, feed.status());
        List<JsonShape.Difference> differences = new ArrayList<>();
        feed.body().path("data").forEach(item -> differences.addAll(transactionShape().compare(item)));
        assertEquals(List.of(5, 3, 6), feed.body().path("data").findValues("type_id").stream()
                .filter(JsonNode::isInt).map(JsonNode::asInt).distinct().toList(), "a manual, a withdrawal and an expiry were compared");
        assertShaped("the loyalty transactions", differences, Map.of("visit_id", FEED, "created_date", FEED, "title", title));
    }
}

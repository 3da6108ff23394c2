package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /company/{id}/clients/search} as documented: quick search by phone digits, requested fields only. */
class ClientSearchTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static YClientsSimulator sim;
    private static Api api;

    @BeforeAll
    static void start() {
        sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
        sim.data().addClient(SALON, 777001, "Vera", "+7 916 555-12-34");
        api = Api.of(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String search(String value, String extra) {
        return "{\"page\":1,\"page_size\":200" + extra + ",\"filters\":[{\"type\":\"quick_search\",\"state\":{\"value\":\"" + value + "\"}}]}";
    }

    @Test
    void findsAClientByPhoneDigitsWhateverTheStoredNotation() {
        String all = ",\"fields\":[\"id\",\"name\",\"phone\",\"email\"]";
        Api.Answer vera = api.post("/company/" + SALON + "/clients/search", search("79165551234", all));
        assertEquals(200, vera.status(), vera.text());
        assertEquals(List.of(777001L), ids(vera.data()));
        assertEquals("+7 916 555-12-34", vera.data().get(0).path("phone").asText());
        assertEquals(1, vera.json().path("meta").path("total_count").asInt());

        JsonNode ivan = api.post("/company/" + SALON + "/clients/search", search("70001234567", all)).data();
        assertEquals(List.of(4002L), ids(ivan));
        assertEquals("70001234567", ivan.get(0).path("phone").textValue(), "a phone is a string, bare digits too");
        assertEquals(List.of(4003L), ids(api.post("/company/" + SALON + "/clients/search", search("9991234567", all)).data()));
        assertEquals(List.of(), ids(api.post("/company/" + SALON + "/clients/search", search("79161234567", all)).data()),
                "the client stored as 89161234567 is not found by its +7 form, as in a real salon");
    }

    @Test
    void onlyTheIdComesBackUnlessFieldsAreRequested() {
        JsonNode found = api.post("/company/" + SALON + "/clients/search", search("9990000000", "")).data();
        assertEquals(1, found.size());
        assertEquals(List.of("id"), names(found.get(0)));
        JsonNode named = api.post("/company/" + SALON + "/clients/search", search("9990000000", ",\"fields\":[\"id\",\"name\"]")).data();
        assertEquals(List.of("id", "name"), names(named.get(0)));
        assertEquals("Анна", named.get(0).path("name").asText());
    }

    @Test
    void pagesAndClampsThePageSize() {
        Api.Answer first = api.post("/company/" + SALON + "/clients/search", "{\"page\":1,\"page_size\":2}");
        assertEquals(List.of(4001L, 4002L), ids(first.data()));
        assertEquals(6, first.json().path("meta").path("total_count").asInt());
        assertEquals(List.of(4005L, 777001L), ids(api.post("/company/" + SALON + "/clients/search", "{\"page\":2,\"page_size\":4}").data()),
                "a short last page");
        assertEquals(6, api.post("/company/" + SALON + "/clients/search", "{\"page_size\":5000}").data().size());
    }

    @Test
    void aQuickSearchWithoutAValueIsTheDocumented400() {
        Api.Answer bad = api.post("/company/" + SALON + "/clients/search", "{\"filters\":[{\"type\":\"quick_search\",\"state\":{}}]}");
        assertEquals(400, bad.status());
        assertEquals("Недопустимое значение фильтра", bad.message());
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

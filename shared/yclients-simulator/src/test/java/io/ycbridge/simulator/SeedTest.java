package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;

    @Test
    void theDemoHasTwoCompaniesSmallCatalogsAndRecordsInEveryState() {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            Api api = Api.of(sim);
            JsonNode companies = api.get("/companies?my=1").data();
            assertEquals(2, companies.size());
            assertEquals("Demo Salon", companies.get(0).path("title").asText());
            assertEquals("Europe/Kyiv", companies.get(1).path("timezone_name").asText());
            assertEquals(5, api.get("/company/" + SALON + "/services").data().size());
            assertEquals(3, api.get("/company/" + SALON + "/service_categories").data().size());
            assertEquals(3, api.get("/company/" + SALON + "/staff").data().size());
            assertEquals(2, api.get("/company/" + BRANCH + "/staff").data().size());
            assertEquals(8, sim.data().recordCount(SALON));
            assertEquals(3, sim.data().recordCount(BRANCH));

            JsonNode records = api.get("/records/" + SALON + "?count=200&with_deleted=1").data();
            Set<Integer> attendances = new HashSet<>();
            Set<Boolean> deleted = new HashSet<>();
            Set<String> phoneKinds = new HashSet<>();
            for (JsonNode record : records) {
                attendances.add(record.path("attendance").asInt());
                deleted.add(record.path("deleted").asBoolean());
                JsonNode phone = record.path("client").path("phone");
                phoneKinds.add(record.path("client").isNull() ? "none" : !phone.isTextual() ? "not text"
                        : phone.asText().contains(" ") ? "spaced" : phone.asText().startsWith("+") ? "plus" : "digits");
            }
            assertEquals(Set.of(-1, 0, 1, 2), attendances);
            assertEquals(Set.of(true, false), deleted);
            assertEquals(Set.of("none", "digits", "spaced", "plus"), phoneKinds);
            assertEquals(7, api.get("/records/" + SALON + "?count=200").data().size(), "one of eight is cancelled");
        }
    }

    @Test
    void theDemoIsTheSameInEveryRun() {
        try (YClientsSimulator a = YClientsSimulator.start().seed(SimulatorSeed.demo());
             YClientsSimulator b = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            for (long id : a.data().recordIds(SALON)) {
                assertEquals(a.data().recordJson(SALON, id), b.data().recordJson(SALON, id));
            }
        }
    }

    @Test
    void theLargeSeedIsDeterministicAndSizedPerCompany() {
        SimulatorSeed seed = SimulatorSeed.large(3, 20, 5, 400, 42);
        try (YClientsSimulator a = YClientsSimulator.start().seed(seed);
             YClientsSimulator b = YClientsSimulator.start().seed(seed);
             YClientsSimulator c = YClientsSimulator.start().seed(SimulatorSeed.large(3, 20, 5, 400, 43))) {
            List<Long> companies = a.data().companyIds();
            assertEquals(3, companies.size());
            for (long company : companies) {
                assertEquals(400, a.data().recordCount(company));
                assertEquals(a.data().recordIds(company), b.data().recordIds(company));
                for (long id : a.data().recordIds(company)) {
                    assertEquals(a.data().recordJson(company, id), b.data().recordJson(company, id));
                }
            }
            long first = companies.getFirst();
            long someRecord = a.data().recordIds(first).get(17);
            assertNotEquals(a.data().recordJson(first, someRecord), c.data().recordJson(first, someRecord),
                    "another random seed gives other data");
            Api api = Api.of(a);
            assertEquals(20, api.get("/company/" + first + "/services").data().size());
            assertEquals(5, api.get("/company/" + first + "/staff").data().size());
            assertEquals(200, api.get("/records/" + first + "?count=200&with_deleted=1").data().size());
            Set<Integer> attendances = new HashSet<>();
            api.get("/records/" + first + "?count=200&with_deleted=1").data().forEach(r -> attendances.add(r.path("attendance").asInt()));
            assertTrue(attendances.containsAll(Set.of(-1, 0, 1, 2)), attendances.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> SimulatorSeed.large(0, 1, 1, 1, 1));
    }

    @Test
    void customSeedsComposeWithTheDemo() {
        SimulatorSeed extra = SimulatorSeed.of("extra-client", d -> d.addClient(SALON, 4999, "Extra", "+79990004999"));
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo().and(extra))) {
            assertEquals("demo+demo-branch+extra-client", SimulatorSeed.demo().and(extra).name());
            Api.Answer found = Api.of(sim).post("/company/" + SALON + "/clients/search",
                    "{\"filters\":[{\"type\":\"quick_search\",\"state\":{\"value\":\"79990004999\"}}]}");
            assertEquals(4999, found.data().get(0).path("id").asLong());
        }
    }
}

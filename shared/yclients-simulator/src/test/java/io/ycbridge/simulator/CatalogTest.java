package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Companies, services, categories and staff, with the list/single type differences kept on purpose. */
class CatalogTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private YClientsSimulator sim;
    private Api api;

    @BeforeEach
    void start() {
        sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
        api = Api.of(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aCompanyCarriesItsZoneByNameAsTheReferenceWritesIt() {
        JsonNode salon = api.get("/company/" + SALON).data();
        assertEquals(SALON, salon.path("id").asLong());
        assertTrue(salon.path("id").isNumber());
        assertEquals("Demo Salon", salon.path("title").asText());
        assertEquals("Europe/Moscow", salon.path("timezone").textValue());
        assertEquals("Europe/Moscow", salon.path("timezone_name").asText());
        assertEquals("Россия", salon.path("country").asText());
        assertEquals(1, salon.path("active").asInt());
        assertEquals("Europe/Kyiv", api.get("/company/" + BRANCH).data().path("timezone").textValue());
    }

    /** The reference's company object: YClients' country id and the country's name, and the company's own phone. */
    @Test
    void aCompanyCarriesItsCountryAsTheReferenceWritesIt() {
        JsonNode salon = api.get("/company/" + SALON).data();
        assertEquals(1, salon.path("country_id").asInt());
        assertTrue(salon.path("country_id").isIntegralNumber());
        assertEquals("Россия", salon.path("country").asText());
        assertEquals("+7 495 509-24-46", salon.path("phone").asText());
        JsonNode branch = api.get("/company/" + BRANCH).data();
        assertEquals(0, branch.path("country_id").asInt(), "unset, as in the reference's record examples");
        assertEquals("Ukraine", branch.path("country").asText());
        assertTrue(branch.path("phone").asText().startsWith("+380"));
    }

    @Test
    void theCompaniesListWritesIdsAsStrings() {
        JsonNode list = api.auth(Api.PARTNER_ONLY).get("/companies").data();
        assertEquals(2, list.size());
        assertEquals("235564", list.get(0).path("id").textValue());
        assertEquals("1", list.get(0).path("active").textValue());
    }

    @Test
    void theServicesListWritesPricesAsStringsAndASingleServiceAsNumbers() {
        Api.Answer answer = api.get("/company/" + SALON + "/services");
        JsonNode list = answer.data();
        assertEquals(5, list.size());
        assertEquals(5, answer.json().path("meta").path("total_count").asInt());
        JsonNode cut = list.get(0);
        assertEquals(301, cut.path("id").asLong());
        assertEquals("1500.00", cut.path("price_min").textValue());
        assertEquals("1500.00", cut.path("price_max").textValue());
        assertEquals("1", cut.path("active").textValue());
        assertEquals(3600, cut.path("duration").asInt());
        assertEquals(1001, cut.path("category_id").asLong());
        assertEquals(List.of(55L, 56L, 57L), ids(cut.path("staff")));
        assertEquals(3600, cut.path("staff").get(0).path("seance_length").asInt());
        assertEquals("2500.50", list.get(4).path("price_min").textValue());

        JsonNode single = api.get("/company/" + SALON + "/services/305").data();
        assertTrue(single.path("price_min").isNumber(), single.toString());
        assertEquals(0, single.path("price_min").decimalValue().compareTo(new java.math.BigDecimal("2500.5")));
        assertEquals(1, single.path("active").intValue());
        assertEquals(2, api.get("/company/" + SALON + "/services?category_id=1003").data().size());
    }

    @Test
    void renamedAndRemovedServices() {
        sim.data().renameService(SALON, 302, "Мужская стрижка машинкой");
        assertEquals("Мужская стрижка машинкой", api.get("/company/" + SALON + "/services/302").data().path("title").asText());
        sim.data().removeService(SALON, 302);
        assertEquals(4, api.get("/company/" + SALON + "/services").data().size());
        assertEquals(404, api.get("/company/" + SALON + "/services/302").status());
    }

    @Test
    void categoriesListTheirWeightAndStaff() {
        JsonNode list = api.get("/company/" + SALON + "/service_categories").data();
        assertEquals(List.of(1001L, 1002L, 1003L), ids(list));
        assertEquals("Стрижки", list.get(0).path("title").asText());
        assertEquals(1, list.get(0).path("weight").asInt());
        assertEquals(3, list.get(0).path("staff").size());
    }

    @Test
    void aFiredMasterLeavesTheListButIsFoundById() {
        JsonNode staff = api.get("/company/" + SALON + "/staff").data();
        assertEquals(List.of(55L, 56L, 57L), ids(staff));
        JsonNode anna = staff.get(0);
        for (String field : List.of("id", "name", "specialization", "avatar", "rating", "fired", "hidden", "bookable")) {
            assertTrue(anna.has(field), field);
        }
        assertEquals(0, anna.path("fired").asInt());
        assertTrue(anna.path("bookable").asBoolean());
        sim.data().removeStaff(SALON, 56);
        assertEquals(List.of(55L, 57L), ids(api.get("/company/" + SALON + "/staff").data()));
        JsonNode fired = api.get("/company/" + SALON + "/staff/56").data();
        assertEquals(1, fired.path("fired").asInt());
        assertFalse(fired.path("bookable").asBoolean());
        assertEquals(2, api.get("/company/" + SALON + "/services/301").data().path("staff").size());
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asLong()));
        return ids;
    }
}

package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record object: three date notations, inconsistent types on purpose, money, and change dates. */
class RecordJsonTest {
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

    private JsonNode single(long company, long record) {
        Api.Answer answer = api.get("/record/" + company + "/" + record);
        assertEquals(200, answer.status(), answer.text());
        return answer.data();
    }

    @Test
    void oneRecordCarriesThreeDateNotations() {
        JsonNode record = single(SALON, 9001);
        assertEquals("2026-11-20 12:00:00", record.path("date").asText());
        assertEquals("2026-11-20T12:00:00+03:00", record.path("datetime").asText());
        assertEquals("2026-11-18T09:10:11+0300", record.path("create_date").asText());
        assertEquals("2026-11-18T09:10:11+0300", record.path("last_change_date").asText());
        assertEquals(3600, record.path("seance_length").asInt());
    }

    @Test
    void offsetsComeFromTheCompanysZoneAtThatInstant() {
        assertEquals("2026-11-21T11:00:00+02:00", single(BRANCH, 9010).path("datetime").asText());
        SimulatorData d = sim.data();
        d.addCompany(900, "London", "Europe/London");
        d.addCategory(900, 1, "Hair");
        d.addService(900, 1, 1, "Cut", BigDecimal.TEN, 1800);
        d.addStaff(900, 1, "Sam", "Barber");
        long summer = d.createRecord(900, 0, 1, List.of(1L), LocalDateTime.of(2027, 7, 1, 10, 0));
        long winter = d.createRecord(900, 0, 1, List.of(1L), LocalDateTime.of(2027, 1, 1, 10, 0));
        assertEquals("2027-07-01T10:00:00+01:00", single(900, summer).path("datetime").asText());
        assertEquals("2027-01-01T10:00:00+00:00", single(900, winter).path("datetime").asText());
        assertEquals("2026-11-20T09:00:00+0000", single(900, winter).path("create_date").asText());
    }

    @Test
    void visitIdIsAStringInListsAndAlone() {
        JsonNode listed = api.get("/records/" + SALON + "?count=200").data();
        JsonNode first = listed.get(0);
        assertTrue(first.path("visit_id").isTextual(), first.toString());
        JsonNode alone = single(SALON, first.path("id").asLong());
        assertTrue(alone.path("visit_id").isTextual(), alone.toString());
        assertEquals(first.path("visit_id").asText(), alone.path("visit_id").asText());
    }

    @Test
    void recordJsonIsExactlyWhatTheApiAnswers() {
        for (long id : new long[] {9001, 9004, 9005, 9006, 9008}) {
            assertEquals(sim.data().recordJson(SALON, id).orElseThrow(), single(SALON, id), "record " + id);
        }
        assertTrue(sim.data().recordJson(SALON, 424242).isEmpty());
        assertTrue(sim.data().recordJson(42, 9001).isEmpty());
    }

    @Test
    void theFieldsTheBridgeReads() {
        JsonNode record = single(SALON, 9002);
        for (String field : List.of("id", "company_id", "staff_id", "services", "client", "date", "datetime", "seance_length",
                "attendance", "visit_attendance", "confirmed", "paid_full", "payment_status", "visit_id", "deleted", "online",
                "comment", "create_date", "last_change_date", "custom_fields")) {
            assertTrue(record.has(field), field);
        }
        JsonNode service = record.path("services").get(0);
        for (String field : List.of("id", "title", "cost", "manual_cost", "first_cost", "discount", "amount", "cost_to_pay")) {
            assertTrue(service.has(field), field);
        }
        assertEquals(1, record.path("attendance").asInt());
        assertEquals(1, record.path("visit_attendance").asInt());
        assertEquals(1, record.path("paid_full").asInt());
        assertEquals(0, service.path("cost_to_pay").decimalValue().signum());
        assertFalse(record.path("deleted").asBoolean());
        assertEquals(List.of("id", "name", "phone", "card", "email"), fieldNames(record.path("client")));
    }

    @Test
    void clientPhonesComeInTheirOwnNotationsAndAClientCanBeMissing() {
        assertEquals("+79990000000", single(SALON, 9001).path("client").path("phone").asText());
        JsonNode numeric = single(SALON, 9002).path("client").path("phone");
        assertEquals("70001234567", numeric.textValue(), "bare digits are a string too, as the reference writes phones");
        assertEquals("+7 999 123-45-67", single(SALON, 9003).path("client").path("phone").asText());
        assertTrue(single(SALON, 9005).path("client").isNull(), "a walk-in has client: null");
    }

    @Test
    void customFieldsAreAnObjectEmptyOrNot() {
        JsonNode none = single(SALON, 9001).path("custom_fields");
        assertTrue(none.isObject() && none.isEmpty(), none.toString());
        JsonNode some = single(SALON, 9006).path("custom_fields");
        assertTrue(some.isObject(), some.toString());
        assertEquals("@olga.nails", some.path("instagram").asText());
    }

    @Test
    void aManualPriceIsExactMoney() {
        long id = sim.data().createRecord(SALON, 4001, 55, List.of(301L, 305L), LocalDateTime.of(2026, 12, 20, 12, 0));
        sim.data().setServiceCost(SALON, id, 301, new BigDecimal("1234.50"));
        Api.Answer answer = api.get("/record/" + SALON + "/" + id);
        JsonNode services = answer.data().path("services");
        assertEquals(new BigDecimal("1234.5"), services.get(0).path("cost").decimalValue());
        assertEquals(new BigDecimal("1234.5"), services.get(0).path("manual_cost").decimalValue());
        assertEquals(new BigDecimal("2500.5"), services.get(1).path("cost").decimalValue());
        assertTrue(answer.text().contains("\"cost\":1234.5,"), answer.text());
        assertEquals(3600 + 5400, answer.data().path("seance_length").asInt());
    }

    @Test
    void everyChangeMovesLastChangeDateToTheSimulatorsNow() {
        SimulatorData d = sim.data();
        long id = d.createRecord(SALON, 4001, 55, List.of(301L), LocalDateTime.of(2026, 12, 20, 12, 0));
        assertEquals("2026-11-20T12:00:00+0300", single(SALON, id).path("last_change_date").asText());
        sim.clock().advance(Duration.ofMinutes(7));
        d.reschedule(SALON, id, LocalDateTime.of(2026, 12, 21, 15, 30));
        JsonNode moved = single(SALON, id);
        assertEquals("2026-11-20T12:07:00+0300", moved.path("last_change_date").asText());
        assertEquals("2026-11-20T12:00:00+0300", moved.path("create_date").asText());
        assertEquals("2026-12-21 15:30:00", moved.path("date").asText());
        sim.clock().advance(Duration.ofMinutes(1));
        d.markNoShow(SALON, id);
        assertEquals(-1, single(SALON, id).path("attendance").asInt());
        assertEquals("2026-11-20T12:08:00+0300", single(SALON, id).path("last_change_date").asText());
        sim.clock().advance(Duration.ofMinutes(1));
        d.completeVisit(SALON, id, false);
        JsonNode came = single(SALON, id);
        assertEquals(1, came.path("visit_attendance").asInt());
        assertEquals(0, came.path("paid_full").asInt());
        assertEquals(new BigDecimal("1500"), came.path("services").get(0).path("cost_to_pay").decimalValue());
        sim.clock().advance(Duration.ofMinutes(1));
        d.cancel(SALON, id);
        JsonNode cancelled = single(SALON, id);
        assertTrue(cancelled.path("deleted").asBoolean(), "a cancelled record is still readable by id");
        assertEquals("2026-11-20T12:10:00+0300", cancelled.path("last_change_date").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

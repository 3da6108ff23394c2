package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The simulator's online booking on the wire: what no client-side test can see (races, the refusal body, the form flag). */
class OnlineBookingTest {
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;

    private static String booking(String phone, long staffId, String datetime) {
        return "{\"phone\": \"" + phone + "\", \"fullname\": \"Iryna\", \"api_id\": \"race\", \"appointments\": [{\"id\": 7,"
                + " \"services\": [601], \"staff_id\": " + staffId + ", \"datetime\": \"" + datetime + "\"}]}";
    }

    @Test
    void aTimeIsSoldOnceHoweverManyBookItAtOnce() throws Exception {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            sim.bookingForms().requirePhoneConfirmation(BRANCH, false);
            Api api = Api.of(sim).auth(Api.PARTNER_ONLY);
            int threads = 8;
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Api.Answer>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String phone = "38050000000" + t;
                work.add(() -> {
                    go.await();
                    return api.post("/book_record/" + BRANCH, booking(phone, 501, "2026-11-24T10:00:00+02:00"));
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Integer> statuses = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            try {
                List<Future<Api.Answer>> answers = work.stream().map(pool::submit).toList();
                go.countDown();
                for (Future<Api.Answer> answer : answers) {
                    statuses.add(answer.get().status());
                    codes.add(answer.get().json().path("errors").path("code").asInt(0));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(threads - 1, codes.stream().filter(c -> c == 433).count(), codes.toString());
        }
    }

    @Test
    void aRefusalKeepsTheReferencesMetaMessageAndNamesItsCodeAndAppointment() {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            // Record 9010: master 501 from 11:00 on 21 November.
            Api.Answer refused = Api.of(sim).auth(Api.PARTNER_ONLY).post("/book_check/" + BRANCH,
                    "{\"appointments\": [{\"id\": 7, \"services\": [601], \"staff_id\": 501, \"datetime\": \"2026-11-21T11:00:00+02:00\"}]}");
            assertEquals(422, refused.status());
            assertEquals(false, refused.json().path("success").asBoolean());
            assertTrue(refused.json().path("meta").path("message").asText().startsWith("К сотруднику Olena Koval(501)"));
            assertEquals(433, refused.json().path("errors").path("code").asInt());
            assertEquals(7, refused.json().path("errors").path("id").asInt());
        }
    }

    @Test
    void aCancelledRecordFreesItsTimeAndAnyMasterIsTheUnion() {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            Api api = Api.of(sim).auth(Api.PARTNER_ONLY);
            String master = "/book_times/" + BRANCH + "/501/2026-11-21?service_ids%5B%5D=601";
            assertFalse(api.get(master).text().contains("\"11:00\""), "record 9010 holds 11:00");
            assertTrue(api.get("/book_times/" + BRANCH + "/0/2026-11-21?service_ids%5B%5D=601").text().contains("\"11:00\""),
                    "master 502 is free then");
            sim.data().cancel(BRANCH, 9010);
            assertTrue(api.get(master).text().contains("\"11:00\""));
        }
    }

    @Test
    void aMoveNeedsAUserAndATimeFreesTheOldTimeAndCanBeRepeated() {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            Api api = Api.of(sim);
            String record = "/book_record/" + BRANCH + "/9010";
            String move = "{\"datetime\": \"2026-11-24T10:00:00+02:00\"}";
            Api.Answer anonymous = api.auth(Api.PARTNER_ONLY).send("PUT", record, move);
            assertEquals(401, anonymous.status());
            assertEquals("Необходима авторизация", anonymous.message());
            assertEquals(400, api.send("PUT", record, "{\"comment\": \"no time\"}").status());
            Api.Answer wrongMethod = api.post(record, move);
            assertEquals(405, wrongMethod.status());
            assertEquals("PUT", wrongMethod.header("Allow"));

            // Record 9010: master 501 from 11:00 on 21 November, moved to the 24th; its old hour is free again.
            Api.Answer moved = api.send("PUT", record, move);
            assertEquals(200, moved.status(), moved.text());
            assertEquals("2026-11-24T10:00:00", moved.data().path("date").asText());
            assertEquals("2026-11-24 10:00:00", sim.data().recordJson(BRANCH, 9010).orElseThrow().path("date").asText());
            assertTrue(api.auth(Api.PARTNER_ONLY).get("/book_times/" + BRANCH + "/501/2026-11-21?service_ids%5B%5D=601").text()
                    .contains("\"11:00\""));
            assertEquals(200, api.send("PUT", record, move).status(), "to where it already is");
        }
    }

    @Test
    void aCancelFollowsTheCompanysRules() {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            sim.bookingForms().requirePhoneConfirmation(BRANCH, false);
            Api partner = Api.of(sim).auth(Api.PARTNER_ONLY);
            JsonNode booked = partner.post("/book_record/" + BRANCH, booking("380501112233", 501, "2026-11-20T15:00:00+02:00"))
                    .data().path(0);
            String mine = "/user/records/" + booked.path("record_id").asLong() + "/" + booked.path("record_hash").asText();
            // Now is 11:00 in Kyiv: four hours before the visit, inside a five-hour window, outside a three-hour one.
            sim.bookingForms().recordRules(BRANCH, new RecordRules(true, Duration.ofHours(5), true, Duration.ZERO));
            JsonNode company = partner.get(mine).data().path(0).path("company");
            assertEquals(18000, company.path("allow_delete_record_delay_step").asInt());
            assertEquals(0, company.path("allow_change_record_delay_step").asInt());
            Api.Answer refused = partner.send("DELETE", mine, null);
            assertEquals(403, refused.status());
            assertEquals("Удалить запись можно не позднее чем за 5 ч до начала визита", refused.message());
            sim.messages(MessageLanguage.EN);
            assertEquals("The appointment can be cancelled no later than 5 h before its start", partner.send("DELETE", mine, null).message());
            sim.bookingForms().recordRules(BRANCH, new RecordRules(true, Duration.ofMinutes(150), true, Duration.ZERO));
            assertEquals(200, partner.send("DELETE", mine, null).status());
            assertTrue(partner.get(mine).data().path(0).path("deleted").asBoolean());
        }
    }

    @Test
    void aNegativeDelayIsABrokenTest() {
        assertThrows(IllegalArgumentException.class, () -> new RecordRules(true, Duration.ofHours(-1), true, Duration.ZERO));
    }

    @Test
    void theCompanysPhoneConfirmationFollowsItsForm() {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            Api api = Api.of(sim);
            assertTrue(api.get("/company/" + SALON).data().path("phone_confirmation").asBoolean(), "on by default, as always");
            sim.bookingForms().requirePhoneConfirmation(SALON, false);
            assertFalse(api.get("/company/" + SALON).data().path("phone_confirmation").asBoolean());
            Api.Answer booked = api.auth(Api.PARTNER_ONLY).post("/book_record/" + SALON, booking("79161001010", 55, "2026-11-24T10:00:00+03:00")
                    .replace("[601]", "[301]"));
            assertEquals(201, booked.status(), booked.text());
            assertEquals(0, sim.bookingForms().sentCount());
        }
    }
}

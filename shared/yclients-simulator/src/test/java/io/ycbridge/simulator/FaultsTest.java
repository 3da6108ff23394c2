package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault's wire shape, and how armed faults are matched and used up. */
class FaultsTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final String STAFF = "/company/" + SALON + "/staff";
    private static YClientsSimulator sim;
    private static Api api;

    @BeforeAll
    static void start() {
        sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
        api = Api.of(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.faults().clear();
        sim.messages(MessageLanguage.RU);
    }

    @Test
    void statusFaultUsesTheFailureEnvelopeOnce() {
        sim.faults().next(Fault.status(433, "Время уже занято"));
        Api.Answer faulted = api.get(STAFF);
        assertEquals(433, faulted.status());
        assertFalse(faulted.json().path("success").asBoolean(true));
        assertTrue(faulted.json().get("data").isNull());
        assertEquals("Время уже занято", faulted.message());
        assertEquals(200, api.get(STAFF).status(), "one-shot");
    }

    @Test
    void rateLimitedSendsRetryAfterInWholeSecondsRoundedUp() {
        sim.faults().next(Fault.rateLimited(Duration.ofSeconds(2))).next(Fault.rateLimited(Duration.ofMillis(1500)));
        Api.Answer first = api.get(STAFF);
        assertEquals(429, first.status());
        assertEquals("2", first.header("Retry-After"));
        assertEquals("2", api.get(STAFF).header("Retry-After"));
        assertEquals(200, api.get(STAFF).status());
    }

    @Test
    void serverErrorIs503AndOtherStatusesAreAvailable() {
        sim.faults().next(Fault.serverError()).next(Fault.status(500, "boom"));
        Api.Answer unavailable = api.get(STAFF);
        assertEquals(503, unavailable.status());
        assertEquals("Сервис временно недоступен", unavailable.message());
        assertEquals(500, api.get(STAFF).status());
    }

    @Test
    void latencyDelaysThenAnswersNormally() {
        sim.faults().next(Fault.latency(Duration.ofMillis(300)));
        long started = System.nanoTime();
        Api.Answer slow = api.get(STAFF);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, slow.status());
        assertEquals(3, slow.data().size());
        assertTrue(tookMillis >= 300, "took " + tookMillis + " ms");
    }

    @Test
    void htmlRedirectPointsAtTheWebSite() {
        sim.faults().next(Fault.htmlRedirect()).next(Fault.htmlRedirect(301));
        Api.Answer moved = api.get(STAFF);
        assertEquals(302, moved.status());
        assertEquals("https://yclients.com/", moved.header("Location"));
        assertEquals("text/html; charset=utf-8", moved.header("Content-Type"));
        assertTrue(moved.text().startsWith("<!DOCTYPE html>"));
        assertEquals(301, api.get(STAFF).status());
        assertThrows(IllegalArgumentException.class, () -> Fault.htmlRedirect(200));
    }

    @Test
    void successFalseComesWithHttp200() {
        sim.faults().next(Fault.successFalse("No company management rights"));
        Api.Answer answer = api.get(STAFF);
        assertEquals(200, answer.status());
        assertFalse(answer.json().path("success").asBoolean(true));
        assertEquals("No company management rights", answer.message());
    }

    @Test
    void faultsHitBeforeAnyCheckOfTokensOrHeaders() {
        sim.faults().next(Fault.serverError());
        assertEquals(503, api.auth(null).accept(null).get(STAFF).status());
        sim.faults().next(Fault.status(404, "Не найдено"));
        assertEquals(404, api.auth("Bearer wrong").get("/records/" + SALON).status());
        assertEquals(401, api.auth("Bearer wrong").get("/records/" + SALON).status());
    }

    @Test
    void nextTimesAndAlways() {
        sim.faults().next(2, Fault.serverError());
        assertEquals(2, sim.faults().pending());
        assertEquals(503, api.get(STAFF).status());
        assertEquals(503, api.get(STAFF).status());
        assertEquals(200, api.get(STAFF).status());
        sim.faults().always(Fault.status(502, "Bad Gateway"));
        for (int i = 0; i < 3; i++) {
            assertEquals(502, api.get(STAFF).status());
        }
        sim.faults().clear();
        assertEquals(200, api.get(STAFF).status());
    }

    @Test
    void aOneShotFaultWinsOverAStandingOne() {
        sim.faults().always(Fault.status(502, "standing")).next(Fault.status(418, "one-shot"));
        assertEquals(418, api.get(STAFF).status());
        assertEquals(502, api.get(STAFF).status());
    }

    @Test
    void scopedFaultsHitOnlyTheirPathsOnWholeSegments() {
        sim.faults().on("/records").always(Fault.serverError());
        sim.faults().on(STAFF + "/").next(Fault.rateLimited(Duration.ofSeconds(1)));
        assertEquals(200, api.get("/record/" + SALON + "/9001").status(), "/record is not under /records");
        assertEquals(200, api.get("/company/" + SALON).status());
        assertEquals(503, api.get("/records/" + SALON + "?page=2").status());
        assertEquals(429, api.get(STAFF + "/55").status());
        assertEquals(200, api.get(STAFF).status());
        assertEquals("/records", sim.faults().on("records/").prefix());
    }

    @Test
    void theDuplicateFaultIgnoresRequestsItCannotApplyTo() {
        sim.faults().next(Fault.duplicatePageItems());
        assertEquals(200, api.get(STAFF).status());
        assertEquals(200, api.get("/records/" + SALON + "?count=2").status());
        assertEquals(1, sim.faults().pending());
        int normal = 2;
        Api.Answer repeated = api.get("/records/" + SALON + "?count=2&page=2");
        assertEquals(normal + 1, repeated.data().size());
        assertEquals(0, sim.faults().pending());
    }

    @Test
    void faultsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Fault.status(99, "x"));
        assertThrows(IllegalArgumentException.class, () -> Fault.rateLimited(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().next(0, Fault.serverError()));
        assertThrows(NullPointerException.class, () -> sim.faults().next(null));
    }
}

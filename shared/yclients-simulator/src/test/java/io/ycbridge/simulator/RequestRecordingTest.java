package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestRecordingTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
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
    void recordsMethodPathQueryHeadersAndBodyInArrivalOrder() {
        api.get("/records/" + SALON + "?page=2&count=50&changed_after=2026-11-20T12%3A00%3A00%2B03%3A00&page=9");
        api.post("/company/" + SALON + "/clients/search", "{\"page\":1}");
        api.auth(null).get("/nowhere");

        List<RecordedRequest> requests = sim.requests();
        assertEquals(3, requests.size());
        assertEquals(3, sim.requestCount());
        RecordedRequest first = requests.get(0);
        assertEquals("GET", first.method());
        assertEquals("/records/" + SALON, first.path());
        assertEquals(Map.of("page", "2", "count", "50", "changed_after", "2026-11-20T12:00:00+03:00"), first.query(),
                "decoded, and the first of repeated names");
        assertEquals(Api.BOTH, first.header("authorization").orElseThrow());
        assertEquals(Api.BOTH, first.header("AUTHORIZATION").orElseThrow());
        assertEquals(List.of(Api.V2), first.headerValues("accept"));
        assertEquals("", first.body());

        RecordedRequest second = requests.get(1);
        assertEquals("POST", second.method());
        assertEquals("{\"page\":1}", second.body());
        assertEquals("application/json", second.header("Content-Type").orElseThrow());
        assertTrue(requests.get(2).header("Authorization").isEmpty());
        assertEquals("/nowhere", requests.get(2).path());
    }

    @Test
    void refusedAndFaultedRequestsAreRecordedToo() {
        sim.faults().next(Fault.serverError());
        api.get("/company/" + SALON);
        api.auth("Bearer wrong").get("/company/" + SALON);
        api.sendTo(URI.create("http://127.0.0.1:" + sim.port() + "/elsewhere"), "GET", null);
        assertEquals(3, sim.requestCount());
        assertEquals("/elsewhere", sim.requests().get(2).path(), "outside the API the full path is kept");
    }

    @Test
    void clearingForgetsEverything() {
        api.get("/companies");
        sim.clearRequests();
        assertEquals(0, sim.requestCount());
        assertEquals(List.of(), sim.requests());
        api.get("/companies");
        assertEquals("/companies", sim.requests().getFirst().path());
    }

    @Test
    void theSnapshotIsImmutable() {
        api.get("/companies");
        List<RecordedRequest> requests = sim.requests();
        assertThrows(UnsupportedOperationException.class, requests::clear);
        assertThrows(UnsupportedOperationException.class, () -> requests.getFirst().query().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> requests.getFirst().headers().clear());
    }
}

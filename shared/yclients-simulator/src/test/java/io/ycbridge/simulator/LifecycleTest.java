package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void startsOnAFreeLoopbackPortAndStopsListeningWhenClosed() {
        YClientsSimulator sim = YClientsSimulator.start();
        int port = sim.port();
        assertEquals("http://127.0.0.1:" + port + "/api/v1", sim.baseUri().toString());
        try (YClientsSimulator other = YClientsSimulator.start()) {
            assertNotEquals(port, other.port());
        }
        assertEquals(200, Api.of(sim).auth(Api.PARTNER_ONLY).get("/companies").status());
        sim.close();
        sim.close();
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close());
    }

    @Test
    void startsOnAGivenPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (YClientsSimulator sim = YClientsSimulator.start(port)) {
            assertEquals(port, sim.port());
            assertEquals(200, Api.of(sim).auth(Api.PARTNER_ONLY).get("/companies").status());
        }
        assertThrows(IllegalArgumentException.class, () -> YClientsSimulator.start(70_000));
    }

    @Test
    void closeIsPromptEvenWithARequestHeldByLatency() throws Exception {
        YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
        sim.faults().always(Fault.latency(Duration.ofSeconds(30)));
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> {
            try {
                return Api.of(sim).get("/companies").status();
            } catch (RuntimeException e) {
                return -1;
            }
        });
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sim.requestCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, sim.requestCount());
        long started = System.nanoTime();
        sim.close();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 2_000, "close took " + tookMillis + " ms");
        assertEquals(-1, held.get().intValue(), "the held request ends without an answer");
    }

    @Test
    void theClockMovesOnlyWhenTold() {
        try (YClientsSimulator sim = YClientsSimulator.start()) {
            assertEquals(MovableClock.DEFAULT_START, sim.clock().now());
            assertEquals(MovableClock.DEFAULT_START, sim.clock().instant());
            sim.clock().advance(Duration.ofHours(2));
            assertEquals(Instant.parse("2026-11-20T11:00:00Z"), sim.clock().now());
            sim.clock().set(Instant.parse("2027-01-01T00:00:00Z"));
            assertEquals(Instant.parse("2027-01-01T00:00:00Z"), sim.clock().withZone(ZoneId.of("Europe/Moscow")).instant());
        }
    }
}

package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A 429 reaches the rate limiter before the retry, so a limiter shared by many callers can slow them all down. */
class ApiTransportBackoffIT {
    private static final long COMPANY = 235564;
    private static YClientsSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = YClientsSimulator.start();
        sim.seed(SimulatorSeed.demo());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void every429IsReportedToTheLimiterBeforeTheRetryIsSent() {
        Recording limiter = new Recording("");
        sim.faults().on("/company/" + COMPANY + "/staff").next(1, Fault.rateLimited(Duration.ofSeconds(2)));
        assertFalse(client(limiter, RetryPolicy.DEFAULT).staff(COMPANY).isEmpty());
        assertEquals(List.of("acquire", "429 PT2S", "acquire"), limiter.events);
    }

    @Test
    void a429ThatIsNotRetriedIsReportedToo() {
        Recording limiter = new Recording("");
        sim.faults().next(Fault.rateLimited(Duration.ofSeconds(5)));
        assertThrows(RateLimitedException.class, () -> client(limiter, RetryPolicy.NONE).staff(COMPANY));
        assertEquals(List.of("acquire", "429 PT5S"), limiter.events);
    }

    @Test
    void allOfTellsEveryLimiter() {
        List<String> told = new ArrayList<>();
        RateLimiter both = RateLimiter.allOf(new Recording("a ", told), new Recording("b ", told));
        both.rateLimited(null);
        both.returnUnused();
        assertEquals(List.of("a 429 null", "b 429 null", "a unused", "b unused"), told);
    }

    /** Writes down what the client told it, each line prefixed with its name. */
    private static final class Recording implements RateLimiter {
        final List<String> events;
        private final String name;

        Recording(String name) {
            this(name, new ArrayList<>());
        }

        Recording(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public void acquire() {
            events.add(name + "acquire");
        }

        @Override
        public void rateLimited(Duration retryAfter) {
            events.add(name + "429 " + retryAfter);
        }

        @Override
        public void returnUnused() {
            events.add(name + "unused");
        }
    }

    private static YClientsClient client(RateLimiter limiter, RetryPolicy retries) {
        MovableClock clock = new MovableClock();
        return YClientsClient.builder()
                .baseUri(sim.baseUri())
                .credentials(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .random(new Random(1))
                .retryPolicy(retries)
                .rateLimiter(limiter)
                .build();
    }
}

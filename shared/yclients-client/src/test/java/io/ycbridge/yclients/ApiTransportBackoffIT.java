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
import java.util.Arrays;
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
        List<String> events = new ArrayList<>();
        RateLimiter limiter = new RateLimiter() {
            @Override
            public void acquire() {
                events.add("acquire");
            }

            @Override
            public void rateLimited(Duration retryAfter) {
                events.add("429 " + retryAfter);
            }
        };
        sim.faults().on("/company/" + COMPANY + "/staff").next(1, Fault.rateLimited(Duration.ofSeconds(2)));
        assertFalse(client(limiter, RetryPolicy.DEFAULT).staff(COMPANY).isEmpty());
        assertEquals(List.of("acquire", "429 PT2S", "acquire"), events);
    }

    @Test
    void a429ThatIsNotRetriedIsReportedToo() {
        List<Duration> told = new ArrayList<>();
        RateLimiter limiter = new RateLimiter() {
            @Override
            public void acquire() {
            }

            @Override
            public void rateLimited(Duration retryAfter) {
                told.add(retryAfter);
            }
        };
        sim.faults().next(Fault.rateLimited(Duration.ofSeconds(5)));
        assertThrows(RateLimitedException.class, () -> client(limiter, RetryPolicy.NONE).staff(COMPANY));
        assertEquals(List.of(Duration.ofSeconds(5)), told);
    }

    @Test
    void allOfTellsEveryLimiter() {
        List<String> told = new ArrayList<>();
        RateLimiter a = named("a", told);
        RateLimiter b = named("b", told);
        RateLimiter both = RateLimiter.allOf(a, b);
        both.rateLimited(null);
        both.returnUnused();
        assertEquals(Arrays.asList("a 429", "b 429", "a unused", "b unused"), told);
    }

    private static RateLimiter named(String name, List<String> told) {
        return new RateLimiter() {
            @Override
            public void acquire() {
            }

            @Override
            public void rateLimited(Duration retryAfter) {
                told.add(name + " 429");
            }

            @Override
            public void returnUnused() {
                told.add(name + " unused");
            }
        };
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

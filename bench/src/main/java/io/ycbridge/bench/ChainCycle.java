package io.ycbridge.bench;

import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.sync.CatalogSyncService;
import io.ycbridge.sync.RequestCounter;
import io.ycbridge.sync.SyncOutcome;
import io.ycbridge.sync.SyncSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * A chain's sync cycles as deployed, on one clock that only moves when the rate limiter or a 429's back-off waits:
 * the real sync service over every company, the simulator refusing what YClients' documented limits refuse (5/s and
 * 200/min as sliding windows on the same clock), and the limiter under test. The minutes printed are the limit's
 * share of a cycle: each request itself takes no time on that clock, as if the fan-out's workers hid its latency.
 */
final class ChainCycle {
    private static final Instant NO_DEADLINE = Instant.parse("2100-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(30);

    /** What one cycle came to. */
    record Cycle(int run, long requests, double minutes, long rateLimited, long limiterCalls, long notOk, long catalogs) {
        String row() {
            return String.format(Locale.ROOT, "| %-26s | %8d | %7.1f | %11d | %8d | %6s | %8s |", run == 1 ? "first run after a deploy" : "run " + run,
                    requests, minutes, catalogs, rateLimited, requests == 0 ? "-" : String.format(Locale.ROOT, "%.3f", limiterCalls / (double) requests),
                    notOk == 0 ? "all OK" : notOk + " not OK");
        }
    }

    private final YClientsSimulator sim;
    private final List<Long> companies;

    private ChainCycle(YClientsSimulator sim, List<Long> companies) {
        this.sim = sim;
        this.companies = companies;
    }

    /** Companies of a few services, masters and a month of records each: one records page per run. */
    static ChainCycle seeded(YClientsSimulator sim, int companies) {
        sim.seed(SimulatorSeed.large(companies, 10, 3, 20, 11));
        sim.enforceRateLimit(5, 200);
        return new ChainCycle(sim, LongStream.range(500_001, 500_001 + companies).boxed().toList());
    }

    /**
     * @param service      the sync over this simulator, its client limited by the limiter under test
     * @param limiterCalls DynamoDB calls the limiter made so far (0 for a limiter of one JVM)
     */
    List<Cycle> run(int runs, CatalogSyncService service, RequestCounter requests, LongSupplier limiterCalls) {
        List<Cycle> cycles = new java.util.ArrayList<>();
        Instant cycleStart = sim.clock().now();
        for (int run = 1; run <= runs; run++) {
            long requestsBefore = requests.total();
            long limitedBefore = sim.rateLimitedCount();
            long callsBefore = limiterCalls.getAsLong();
            Instant started = sim.clock().now();
            SyncSummary summary = service.syncAll(companies, NO_DEADLINE);
            double minutes = Duration.between(started, sim.clock().now()).toMillis() / 60_000.0;
            long notOk = summary.companies().stream().filter(c -> c.outcome() != SyncOutcome.OK).count();
            long catalogs = summary.companies().stream().filter(c -> !c.catalog().isEmpty()).count();
            cycles.add(new Cycle(run, requests.total() - requestsBefore, minutes, sim.rateLimitedCount() - limitedBefore,
                    limiterCalls.getAsLong() - callsBefore, notOk, catalogs));
            // A few bookings change between runs; the next run starts at the next half hour (or at once when late).
            cycleStart = cycleStart.plus(PERIOD);
            if (sim.clock().now().isBefore(cycleStart)) {
                sim.clock().set(cycleStart);
            }
            for (int i = 0; i < companies.size(); i += 10) {
                long company = companies.get(i);
                sim.data().markConfirmed(company, sim.data().recordIds(company).getFirst());
            }
        }
        return cycles;
    }

    static void print(String limiter, List<Cycle> cycles) {
        System.out.println();
        System.out.println("limiter: " + limiter);
        System.out.println("| run                        | requests | minutes | catalogs read | 429s | DynamoDB calls/request | outcome |");
        System.out.println("|----------------------------|----------|---------|---------------|------|------------------------|---------|");
        cycles.forEach(cycle -> System.out.println(cycle.row()));
    }
}

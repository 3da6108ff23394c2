package io.ycbridge.bench;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.EntryOrigin;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.loyalty.LoyaltyMirror;
import io.ycbridge.loyalty.LoyaltyWiring;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The loyalty cards' API cost: requests per mirrored entry on the happy path (the card found or issued once per user,
 * then one manual transaction per entry), per entry whose answer was lost (the post, then the chain's feed read to
 * settle it), and the cycle's requests for a chain's feed, per company of a 1,000-branch chain. Counted at the
 * simulator, through the functions' own wiring (LoyaltyWiring.from: the secret, DynamoDB Local, the shared limiter).
 * Usage: {@code bench/run LoyaltyMirror [users] [entriesPerUser]}.
 */
public final class LoyaltyMirrorBench {
    private static final long CHAIN = SimulatorSeed.DEMO_CHAIN_ID;
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf("LoyaltyMirror: %d users x %d entries; simulator, DynamoDB Local in this JVM; %d CPUs, %s%n", users, entries,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (YClientsSimulator sim = YClientsSimulator.start(); LocalDynamoDb local = LocalDynamoDb.start()) {
            sim.seed(SimulatorSeed.demo());
            sim.clock().set(Instant.parse("2026-12-08T07:00:00Z"));
            Config config = config(sim, local, 1);
            BonusAccrualService accrual = BonusAccrualService.forAccrual(config, AwsClients.from(config));
            LoyaltyWiring wiring = LoyaltyWiring.from(config, "bench");
            LoyaltyMirror mirror = wiring.mirror();
            for (int user = 0; user < users; user++) {
                accrual.linkProvenPhone("bench-" + user, String.format("+7999%07d", user));
            }

            sim.clearRequests();
            long started = System.nanoTime();
            mirrorAll(wiring, mirror, users, 0, entries);
            long elapsed = System.nanoTime() - started;
            int total = users * entries;
            System.out.printf("happy path: %d entries, %d API requests = %.2f per entry (%d card lookups, %d cards issued, %d manual transactions);"
                            + " %.1f ms per entry%n", total, sim.requestCount(), (double) sim.requestCount() / total, count(sim, "/loyalty/cards/7"),
                    count(sim, "/loyalty/cards/" + SALON), count(sim, "/manual_transaction"), elapsed / 1e6 / total);
            sim.clearRequests();
            mirrorAll(wiring, mirror, users, entries, entries);
            System.out.printf("steady state (cards linked): %d entries, %d API requests = %.2f per entry%n", total, sim.requestCount(),
                    (double) sim.requestCount() / total);

            sim.clearRequests();
            int lost = Math.min(users, 20);
            for (int user = 0; user < lost; user++) {
                sim.faults().on("/company/" + SALON + "/loyalty/cards/").next(Fault.answerLost(503));
                LedgerEntry entry = entry(user, 2 * entries);
                wiring.ledger().post(entry);
                mirror.enqueue(entry);
                mirror.drain("bench-" + user, CHAIN);
                mirror.drain("bench-" + user, CHAIN);
            }
            System.out.printf("answer lost after YClients applied it: %d entries, %d API requests = %.2f per entry (the post, then the feed read"
                    + " that finds it; %d posted twice)%n", lost, sim.requestCount(), (double) sim.requestCount() / lost, doubles(sim));

            for (int spends : new int[] {0, 50, 250}) {
                Config chain = config(sim, local, 1000);
                LoyaltyWiring wide = LoyaltyWiring.of(chain, AwsClients.from(chain), wiring.api(), io.ycbridge.loyalty.LoyaltySettings.from(chain),
                        "bench", sim.clock());
                long card = sim.loyalty().cardsOf("79990000000").stream().findFirst().map(found -> found.id()).orElseThrow();
                for (int i = 0; i < spends; i++) {
                    sim.loyalty().externalAccrual(card, BigDecimal.ONE);
                }
                sim.clock().advance(Duration.ofMinutes(30));
                sim.clearRequests();
                wide.feed().read(CHAIN);
                System.out.printf("feed of a 1,000-branch chain, %d transactions since the last cycle: %d requests per cycle = %.4f per company%n",
                        spends, sim.requestCount(), sim.requestCount() / 1000.0);
            }
        }
    }

    private static void mirrorAll(LoyaltyWiring wiring, LoyaltyMirror mirror, int users, int from, int entries) {
        for (int user = 0; user < users; user++) {
            for (int i = from; i < from + entries; i++) {
                LedgerEntry entry = entry(user, i);
                wiring.ledger().post(entry);
                mirror.enqueue(entry);
                // The stream hands the mirror one entry at a time here: each its own drain, as a batch of one would.
                mirror.drain("bench-" + user, CHAIN);
            }
        }
    }

    private static LedgerEntry entry(int user, int i) {
        Instant at = Instant.parse("2026-12-08T07:00:00Z").plusSeconds(i);
        return new LedgerEntry("bench-" + user + "-" + i, BonusOwner.user("bench-" + user), SALON, 0, EntryKind.ADJUSTMENT, new BigDecimal("10.00"), at,
                EntryOrigin.operator("bench"));
    }

    private static long count(YClientsSimulator sim, String part) {
        return sim.requests().stream().filter(request -> request.path().contains(part)).count();
    }

    private static long doubles(YClientsSimulator sim) {
        Map<String, Integer> titles = new HashMap<>();
        sim.loyalty().transactions(CHAIN).forEach(transaction -> {
            if (transaction.title() != null) {
                titles.merge(transaction.title(), 1, Integer::sum);
            }
        });
        return titles.values().stream().filter(times -> times > 1).count();
    }

    /** The functions' settings over the simulator, with {@code companies} in the demo chain (the demo salon first). */
    private static Config config(YClientsSimulator sim, LocalDynamoDb local, int companies) {
        Map<String, String> environment = SimulatedSettings.of(sim, local);
        environment.put(EnvVar.COMPANY_IDS.name(), Long.toString(SALON));
        StringJoiner programmes = new StringJoiner(",");
        programmes.add(SALON + ":" + CHAIN + ":" + SimulatorSeed.DEMO_CARD_TYPE_ID);
        for (int i = 1; i < companies; i++) {
            programmes.add((9_000_000 + i) + ":" + CHAIN + ":" + SimulatorSeed.DEMO_CARD_TYPE_ID);
        }
        environment.put(EnvVar.LOYALTY_CARDS.name(), programmes.toString());
        return Config.of(environment);
    }
}

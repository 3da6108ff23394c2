package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.simulator.Fault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mirroring under API faults: 5xx before and after YClients applied a transaction (the answer lost), 429s, a feed that
 * fails, with a cashier spending and YClients expiring and crediting between accruals, amount changes and reversals.
 * After every round: no entry posted twice. After the faults stop and a cycle runs: every entry we post is on the card
 * exactly once or waits as a deduction the card cannot cover, and the app balance is the card's (less what waits).
 * Prints the figures.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class LoyaltyChaosIT {
    private static final int ROUNDS = 50;
    private static final String MANUAL = "/company/" + CardWorld.SALON + "/loyalty/cards/";
    private final LocalDynamoDb local;

    LoyaltyChaosIT(LocalDynamoDb local) {
        this.local = local;
    }

    @Test
    void noDoublePostingNoLostEntryAndTheBalancesAgree() throws Exception {
        Totals totals = new Totals();
        for (long seed : new long[] {1, 2, 3, 4}) {
            run(seed, totals);
        }
        System.out.printf("loyalty chaos: %d rounds, %d entries mirrored, %d manual transactions, %d faults on the API "
                        + "(%d with the answer lost after YClients applied it), %d counter spends, %d expiries, %d YClients credits; "
                        + "double postings %d, lost entries %d, balance mismatches after a settled cycle %d, deductions waiting for cover %d%n",
                totals.rounds, totals.mirrored, totals.postings, totals.faults, totals.answersLost, totals.spends, totals.expiries,
                totals.credits, totals.doubles, totals.lost, totals.mismatches, totals.waitingDeductions);
        assertEquals(0, totals.doubles);
        assertEquals(0, totals.lost);
        assertEquals(0, totals.mismatches);
        assertTrue(totals.answersLost > 0 && totals.spends > 0, "the run must reach the histories it is about");
    }

    private void run(long seed, Totals totals) throws Exception {
        Random random = new Random(seed);
        try (CardWorld world = new CardWorld(local)) {
            List<StoredRecord> visits = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                totals.rounds++;
                arm(world, random, totals);
                act(world, random, visits, totals);
                world.settle();
                world.runCycle();
                world.simulator.clock().advance(Duration.ofMinutes(1 + random.nextInt(20)));
                totals.doubles += doubles(world);
                world.simulator.faults().clear();
                world.runCycle();
                world.runCycle();
                check(world, totals);
            }
            totals.mirrored += mirrored(world).size();
            totals.postings += world.ourTitles().size();
        }
    }

    /** This round's faults on the manual transaction (and now and then the feed). */
    private static void arm(CardWorld world, Random random, Totals totals) {
        int pick = random.nextInt(10);
        switch (pick) {
            case 0, 1 -> {
                world.simulator.faults().on(MANUAL).next(Fault.answerLost(503));
                totals.faults++;
                totals.answersLost++;
            }
            case 2 -> {
                world.simulator.faults().on(MANUAL).next(1 + random.nextInt(3), Fault.serverError());
                totals.faults++;
            }
            case 3 -> {
                world.simulator.faults().on(MANUAL).next(Fault.rateLimited(Duration.ofSeconds(1)));
                totals.faults++;
            }
            case 4 -> {
                world.simulator.faults().on("/chain/").next(2, Fault.serverError());
                totals.faults++;
            }
            default -> {
                // a clean round
            }
        }
    }

    private static void act(CardWorld world, Random random, List<StoredRecord> visits, Totals totals) {
        int what = random.nextInt(10);
        BigDecimal card = world.simulator.loyalty().cardsOf(CardWorld.DIGITS).stream().map(found -> found.balance()).findFirst().orElse(BigDecimal.ZERO);
        long cardId = world.simulator.loyalty().cardsOf(CardWorld.DIGITS).stream().mapToLong(found -> found.id()).findFirst().orElse(0);
        if (what < 4 || cardId == 0) {
            StoredRecord visit = world.paidVisit(Integer.toString(500 + 100 * random.nextInt(20)) + ".00");
            world.accrue(visit);
            visits.add(visit);
        } else if (what == 4 && !visits.isEmpty()) {
            StoredRecord visit = visits.remove(random.nextInt(visits.size()));
            world.accrue(world.cancelled(visit));
        } else if (what == 5 && !visits.isEmpty()) {
            int index = random.nextInt(visits.size());
            StoredRecord visit = visits.get(index);
            world.simulator.clock().advance(Duration.ofSeconds(1));
            StoredRecord changed = new StoredRecord(visit.companyId(), visit.recordId(), world.simulator.clock().instant(), false, visit.clientId(),
                    visit.clientPhone(), visit.staffId(), visit.attendance(), true,
                    List.of(new StoredService(301, "Haircut", new BigDecimal(600 + 100 * random.nextInt(20)), 1)), visit.startsAt(),
                    visit.seanceLength(), visit.visitId(), false, visit.source());
            world.accrue(changed);
            visits.set(index, changed);
        } else if (what <= 7 && card.signum() > 0) {
            BigDecimal spend = card.multiply(new BigDecimal("0.1").multiply(BigDecimal.valueOf(1 + random.nextInt(9)))).setScale(0, java.math.RoundingMode.DOWN);
            if (spend.signum() > 0) {
                world.simulator.loyalty().manualBySalon(cardId, spend.negate(), "paid with the bonus at the counter");
                totals.spends++;
            }
        } else if (what == 8 && card.compareTo(BigDecimal.TEN) > 0) {
            world.simulator.loyalty().expire(cardId, BigDecimal.TEN);
            totals.expiries++;
        } else if (what == 9 && cardId != 0) {
            world.simulator.loyalty().externalAccrual(cardId, new BigDecimal("7"));
            totals.credits++;
        } else {
            world.adjust(Integer.toString(1 + random.nextInt(20)), "goodwill");
        }
    }

    /** Titles that appear more than once: entries on the card twice. */
    private static int doubles(CardWorld world) {
        Set<String> seen = new HashSet<>();
        int doubles = 0;
        for (String title : world.ourTitles()) {
            doubles += seen.add(title) ? 0 : 1;
        }
        return doubles;
    }

    private static void check(CardWorld world, Totals totals) {
        totals.doubles += doubles(world);
        Map<String, Integer> onCard = new HashMap<>();
        world.ourTitles().forEach(title -> onCard.merge(title.substring(CardTitle.PREFIX.length(), title.indexOf(' ')), 1, Integer::sum));
        List<PendingEntry> waiting = world.cards.outbox(CardWorld.USER, CardWorld.CHAIN, 1000);
        Set<String> waitingIds = new HashSet<>();
        BigDecimal waitingSum = BigDecimal.ZERO;
        for (PendingEntry entry : waiting) {
            waitingIds.add(entry.entryId());
            waitingSum = waitingSum.add(entry.amount());
            if (entry.amount().signum() > 0) {
                totals.lost++;   // a credit always fits: waiting after a clean cycle, it is stuck
            }
        }
        totals.waitingDeductions = Math.max(totals.waitingDeductions, waiting.size());
        for (LedgerEntry entry : mirrored(world)) {
            int posted = onCard.getOrDefault(entry.id(), 0);
            if (posted == 0 && !waitingIds.contains(entry.id()) || posted > 1) {
                totals.lost += posted == 0 ? 1 : 0;
            }
        }
        BigDecimal card = world.simulator.loyalty().cardsOf(CardWorld.DIGITS).stream().map(found -> found.balance()).findFirst().orElse(BigDecimal.ZERO);
        if (card.add(waitingSum).compareTo(world.appBalance()) != 0) {
            totals.mismatches++;
            System.out.printf("mismatch: card %s + waiting %s, app %s%n", card, waitingSum, world.appBalance());
        }
    }

    private static List<LedgerEntry> mirrored(CardWorld world) {
        return world.ledger.entries(BonusOwner.user(CardWorld.USER)).stream().filter(entry -> entry.origin().source().mirrored()).toList();
    }

    private static final class Totals {
        int rounds;
        int mirrored;
        int postings;
        int faults;
        int answersLost;
        int spends;
        int expiries;
        int credits;
        int doubles;
        int lost;
        int mismatches;
        int waitingDeductions;
    }
}

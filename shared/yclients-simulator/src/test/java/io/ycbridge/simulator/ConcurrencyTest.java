package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private static final int THREADS = 16;

    @Test
    void manyThreadsCreatingRecordsGetUniqueIds() throws Exception {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            int perThread = 250;
            ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long company = t % 2 == 0 ? SALON : BRANCH;
                long client = company == SALON ? 4001 : 9002;
                long staff = company == SALON ? 55 : 502;
                long service = company == SALON ? 301 : 602;
                int thread = t;
                work.add(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(sim.data().createRecord(company, client, staff, List.of(service),
                                LocalDateTime.of(2027, 1, 1, 9, 0).plusMinutes(thread * 1000L + i)));
                        if (i % 50 == 0) {
                            sim.data().completeVisit(company, company == SALON ? 9001 : 9010, true);
                        }
                    }
                    return null;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Void>> done = new ArrayList<>();
                work.forEach(w -> done.add(pool.submit(w)));
                go.countDown();
                for (Future<Void> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Set<Long> unique = new HashSet<>(ids);
            assertEquals(THREADS * perThread, ids.size());
            assertEquals(ids.size(), unique.size(), "no id handed out twice");
            assertEquals(8 + THREADS / 2 * perThread, sim.data().recordCount(SALON));
            assertEquals(3 + THREADS / 2 * perThread, sim.data().recordCount(BRANCH));
        }
    }

    @Test
    void concurrentRequestsAreAllAnsweredAndRecorded() throws Exception {
        try (YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo())) {
            Api api = Api.of(sim);
            int perThread = 40;
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<Integer>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        List<Integer> statuses = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            if (i % 4 == 0) {
                                sim.data().createRecord(SALON, 4001, 55, List.of(301L), LocalDateTime.of(2027, 2, 1, 9, 0).plusMinutes(thread * 100L + i));
                            }
                            String path = switch (i % 3) {
                                case 0 -> "/records/" + SALON + "?count=200";
                                case 1 -> "/company/" + SALON + "/staff";
                                default -> "/record/" + SALON + "/9001";
                            };
                            statuses.add(api.get(path).status());
                        }
                        return statuses;
                    }));
                }
                for (Future<List<Integer>> result : results) {
                    assertTrue(result.get().stream().allMatch(s -> s == 200), result.get().toString());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(THREADS * perThread, sim.requestCount());
        }
    }
}

package io.ycbridge.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code recover-accruals --dlq}: drains BonusDeadLetterQueue. Each message names a stream batch that failed; its
 * records are found in the stream while it still holds them (24 hours), else by the time window their versions can lie
 * in ({@link ChangeWindow#around}) across the configured companies, and each is recovered through
 * {@link AccrualRecovery}. A message is deleted only when every record it may stand for was recovered; otherwise (and
 * in a dry run) it is released for the next run.
 */
final class DeadLetterRecovery {
    private final DeadLetterQueue queue;
    private final StreamBatchReader stream;
    private final List<Long> companies;
    private final Optional<Duration> lookback;
    private final AccrualRecovery recovery;
    private final boolean dryRun;
    private final PrintStream out;

    DeadLetterRecovery(DeadLetterQueue queue, StreamBatchReader stream, List<Long> companies, Optional<Duration> lookback,
                       AccrualRecovery recovery, boolean dryRun, PrintStream out) {
        this.queue = queue;
        this.stream = stream;
        this.companies = List.copyOf(companies);
        this.lookback = lookback;
        this.recovery = recovery;
        this.dryRun = dryRun;
        this.out = out;
    }

    /** How the run ended for the messages (the records' figures are the recovery's): unrecovered ones stay in the queue. */
    record Drained(int read, int deleted, int unrecovered) {
        String summary(boolean dryRun) {
            return "dead-letter messages: " + read + " read, " + deleted + " deleted, " + unrecovered + " not recovered"
                    + (unrecovered > 0 ? " (kept in the queue: run again once the cause is fixed)" : "")
                    + (dryRun ? "; dry run: every message released, none deleted" : "");
        }
    }

    Drained run() {
        List<DeadLetterQueue.Letter> letters = queue.takeAll();
        if (letters.isEmpty()) {
            out.println("BonusDeadLetterQueue is empty: no failed accrual batch to recover");
            return new Drained(0, 0, 0);
        }
        // One failure may arrive twice (Lambda's destinations deliver at least once): its records are decided once.
        Map<String, StreamBatchFailure> batches = new LinkedHashMap<>();
        Map<DeadLetterQueue.Letter, String> batchOf = new LinkedHashMap<>();
        List<DeadLetterQueue.Letter> unreadable = new ArrayList<>();
        for (DeadLetterQueue.Letter letter : letters) {
            try {
                StreamBatchFailure batch = StreamBatchFailure.fromJson(letter.body());
                String id = batch.batchId();
                if (batches.containsKey(id)) {
                    out.println("message " + letter.messageId() + ": the same batch as an earlier message (a duplicate delivery)");
                }
                batches.putIfAbsent(id, batch);
                batchOf.put(letter, id);
            } catch (IllegalArgumentException e) {
                out.println("❌ message " + letter.messageId() + ": " + e.getMessage() + "; kept in the queue");
                unreadable.add(letter);
            }
        }
        Map<String, Boolean> recovered = new HashMap<>();
        Map<String, ChangeWindow> expired = new LinkedHashMap<>();
        for (Map.Entry<String, StreamBatchFailure> entry : batches.entrySet()) {
            StreamBatchFailure batch = entry.getValue();
            Optional<List<RecordKey>> keys;
            try {
                keys = stream.keys(batch);
            } catch (RuntimeException e) {
                out.println("❌ batch " + batch.batchId() + ": the stream could not be read (" + e.getClass().getSimpleName() + "); kept");
                recovered.put(entry.getKey(), false);
                continue;
            }
            if (keys.isPresent()) {
                out.println("batch of " + batch.batchSize() + " stream record(s) from " + batch.firstArrival() + " to " + batch.lastArrival()
                        + ": read from the stream, " + keys.get().size() + " record(s)");
                boolean all = true;
                for (RecordKey key : keys.get()) {
                    all &= recovery.recover(key);
                }
                recovered.put(entry.getKey(), all);
            } else {
                ChangeWindow window = ChangeWindow.around(batch, lookback);
                out.println("batch of " + batch.batchSize() + " stream record(s) from " + batch.firstArrival() + " to " + batch.lastArrival()
                        + ": no longer in the stream; records changed in " + window + " of companies " + companies);
                expired.put(entry.getKey(), window);
            }
        }
        recoverWindows(expired, recovered);

        int deleted = 0;
        int unrecovered = unreadable.size();
        for (Map.Entry<DeadLetterQueue.Letter, String> entry : batchOf.entrySet()) {
            boolean done = recovered.getOrDefault(entry.getValue(), false);
            if (!done) {
                unrecovered++;
            }
            try {
                if (done && !dryRun) {
                    queue.delete(entry.getKey());
                    deleted++;
                } else {
                    queue.release(entry.getKey());
                }
            } catch (RuntimeException e) {
                // Its records are recovered or not as counted; a message left behind is harmless: the next run finds
                // them applied and deletes it.
                out.println("❌ message " + entry.getKey().messageId() + ": SQS refused to " + (done && !dryRun ? "delete" : "release")
                        + " it (" + e.getClass().getSimpleName() + ")");
                unrecovered += done ? 1 : 0;
            }
        }
        unreadable.forEach(queue::release);
        return new Drained(letters.size(), deleted, unrecovered);
    }

    /**
     * The windows of the batches the stream no longer holds, merged (with the default lookback they overlap, and a
     * record is read once per run), each queried per company; a batch is recovered when its whole window was.
     */
    private void recoverWindows(Map<String, ChangeWindow> expired, Map<String, Boolean> recovered) {
        if (expired.isEmpty()) {
            return;
        }
        if (companies.isEmpty()) {
            out.println("❌ no company to search: set COMPANY_IDS to the deployment's companies (the stack's CompanyIds); "
                    + expired.size() + " batch(es) kept");
            expired.keySet().forEach(id -> recovered.put(id, false));
            return;
        }
        Map<ChangeWindow, Boolean> done = new LinkedHashMap<>();
        for (ChangeWindow window : ChangeWindow.merged(expired.values())) {
            done.put(window, recovery.recoverChanged(companies, window));
        }
        expired.forEach((id, window) -> recovered.put(id, done.entrySet().stream()
                .anyMatch(merged -> merged.getKey().covers(window) && merged.getValue())));
    }
}

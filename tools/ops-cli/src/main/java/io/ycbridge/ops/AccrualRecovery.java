package io.ycbridge.ops;

import io.ycbridge.bonus.AccrualResult;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRevision;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Re-runs bonus accrual for records, one at a time, through the same {@link BonusAccrualService#accrue} the stream
 * function calls, on each record's current stored version and its write counter — what the stream's last image of it
 * carried. Accrual is decided from that version and the ledger's own state of the record (never from an older image),
 * and a version the ledger has applied is skipped as stale, so running this on records that were processed, or twice,
 * writes nothing; a record the stream failed on is brought to exactly what its current version is worth.
 *
 * <p>Each record is decided once per run however many messages or windows name it. A dry run asks
 * {@link BonusAccrualService#preview} instead and writes nothing.
 */
final class AccrualRecovery {
    /** What became of one record, for the summary. */
    enum Outcome {
        /** An entry was written (or, in a dry run, would be). */
        WRITTEN,
        /** The ledger had applied this version already: the stream did its work, or an earlier recovery did. */
        ALREADY_APPLIED,
        /** The version is newer but moves no money (worth what was accrued, or nobody to credit): only the version is recorded. */
        NOTHING_TO_PAY,
        /** The stored version lacks fields; the sync completes it, and that write reaches the stream. */
        INCOMPLETE,
        /** Nothing stored under the key: removed by hand, which must not move money (the stream ignores a REMOVE). */
        NOT_STORED,
        /** Reading or writing failed: nothing was decided for it; run again. */
        FAILED;

        boolean recovered() {
            return this != FAILED;
        }
    }

    private final RecordStore records;
    private final BonusAccrualService service;
    private final boolean dryRun;
    private final PrintStream out;
    private final Map<RecordKey, Outcome> decided = new HashMap<>();
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    AccrualRecovery(RecordStore records, BonusAccrualService service, boolean dryRun, PrintStream out) {
        this.records = records;
        this.service = service;
        this.dryRun = dryRun;
        this.out = out;
    }

    /** Brings the ledger to what the record's stored version is worth (once per run); whether nothing is left to do for it. */
    boolean recover(RecordKey key) {
        Outcome known = decided.get(key);
        if (known != null) {
            return known.recovered();
        }
        Outcome outcome = decide(key);
        decided.put(key, outcome);
        counts.merge(outcome, 1, Integer::sum);
        return outcome.recovered();
    }

    /** Every record of the companies whose version ({@code changed_at}) lies in the window; whether all were recovered. */
    boolean recoverChanged(List<Long> companies, ChangeWindow window) {
        boolean all = true;
        for (long company : companies) {
            try (Stream<Long> ids = records.idsChangedBetween(company, window.from(), window.to())) {
                for (long id : (Iterable<Long>) ids::iterator) {
                    all &= recover(new RecordKey(company, id));
                }
            } catch (RuntimeException e) {
                out.println("❌ company " + company + ": records changed in " + window + " could not be read (" + e.getClass().getSimpleName() + ")");
                all = false;
            }
        }
        return all;
    }

    private Outcome decide(RecordKey key) {
        try {
            Optional<StoredRevision> stored = records.revision(key.companyId(), key.recordId());
            if (stored.isEmpty()) {
                return Outcome.NOT_STORED;
            }
            StoredRevision version = stored.get();
            AccrualResult result = dryRun ? service.preview(version.record(), version.revision())
                    : service.accrue(version.record(), version.revision());
            return switch (result.outcome()) {
                case APPLIED -> {
                    // The owner's kind and the amount only: the owner's id is a token subject or a phone.
                    out.println((dryRun ? "📝 " : "✅ ") + key + ": " + (dryRun ? "would write " : "") + result.kind() + " "
                            + result.amount().toPlainString() + " for a " + result.owner().kindForLog() + " owner");
                    yield Outcome.WRITTEN;
                }
                case STALE -> Outcome.ALREADY_APPLIED;
                case UNCHANGED, NO_CLIENT -> Outcome.NOTHING_TO_PAY;
                case INCOMPLETE -> Outcome.INCOMPLETE;
            };
        } catch (RuntimeException e) {
            // The class only, as the function logs it: a message could quote an item, and items hold phone numbers.
            out.println("❌ " + key + ": " + e.getClass().getSimpleName() + " (nothing decided for it; run again)");
            return Outcome.FAILED;
        }
    }

    int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    int examined() {
        return decided.size();
    }

    boolean anyFailed() {
        return count(Outcome.FAILED) > 0;
    }

    /** {@code records examined 7: 3 with entries written, 4 unchanged (…), 0 failed}. */
    String summary() {
        int unchanged = count(Outcome.ALREADY_APPLIED) + count(Outcome.NOTHING_TO_PAY) + count(Outcome.INCOMPLETE) + count(Outcome.NOT_STORED);
        return "records examined " + examined() + ": " + count(Outcome.WRITTEN) + (dryRun ? " would get entries" : " with entries written")
                + ", " + unchanged + " unchanged (" + count(Outcome.ALREADY_APPLIED) + " already applied, " + count(Outcome.NOTHING_TO_PAY)
                + " nothing to pay, " + count(Outcome.INCOMPLETE) + " incomplete until the next sync, " + count(Outcome.NOT_STORED)
                + " not stored), " + count(Outcome.FAILED) + " failed";
    }
}

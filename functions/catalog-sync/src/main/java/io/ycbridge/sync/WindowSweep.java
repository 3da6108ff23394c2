package io.ycbridge.sync;

import io.ycbridge.observe.DecisionLog;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.yclients.RecordQuery;
import io.ycbridge.yclients.YClientsClient;
import io.ycbridge.yclients.model.Record;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Reads one window of the records feed, bounded on both ends, so that no record in it is missed.
 *
 * <p>The feed is paged by offset. When a record the sweep has already read changes while later pages are read, it
 * leaves the window (its change time is now past the window's end), every record after it moves up one place, and the
 * first record of the next page is never served. Records cannot enter a window that closed in the past, so a leaver
 * is the only way to lose one; a record added in the window's last second only repeats one. So after a pass of more
 * than one page the sweep asks for the records changed since the pass began (less {@code skew}, the allowance for
 * YClients' clock behind ours): one of them that this pass read and whose change is now past the window's end left
 * during the pass, and the window is read again. A single page is one answer and cannot shift. After
 * {@link #PASSES} passes that each saw a leaver, the window counts as unfinished: the cursor stays and the next run
 * reads it again. Every record read along the way, the check's included, is stored, so nothing read is lost.
 */
final class WindowSweep {
    /** Passes of one window before giving it up to the next run; each further pass repeats the whole window. */
    static final int PASSES = 3;
    /** Pages stored at once while the next ones are read. */
    static final int PENDING_PAGES = 8;

    private final PageStore pages;
    private final ExecutorService writers;
    private final Clock clock;
    private final Duration skew;
    private final DecisionLog log;

    WindowSweep(PageStore pages, ExecutorService writers, Clock clock, Duration skew, DecisionLog log) {
        this.pages = pages;
        this.writers = writers;
        this.clock = clock;
        this.skew = skew;
        this.log = log;
    }

    /** Writes for one window: hand them to {@link #sweep}, then finish them (the caller decides when). */
    PageWrites writes() {
        return new PageWrites(writers, PENDING_PAGES);
    }

    /**
     * Reads the window and submits its pages to {@code writes}, which may still be running when this returns: the
     * caller finishes them before it moves the cursor past the window, and may read the next window meanwhile.
     *
     * @return false when the deadline stopped it or the window never held still
     */
    boolean sweep(YClientsClient client, long companyId, ZoneId zone, Instant from, Instant to, Instant deadline, PageWrites writes) {
        RecordQuery window = window(from, to, zone);
        for (int pass = 1; pass <= PASSES; pass++) {
            Instant passStarted = clock.instant();
            Set<Long> read = new HashSet<>();
            int pageCount = 0;
            for (List<Record> page : client.records(companyId, window)) {
                pageCount++;
                page.forEach(record -> read.add(record.id()));
                submit(writes, companyId, page, zone);
                if (!clock.instant().isBefore(deadline)) {
                    return false;
                }
            }
            if (pageCount <= 1) {
                return true;
            }
            int leavers = leaversSince(client, companyId, zone, passStarted.minus(skew), to, read, writes);
            if (leavers == 0) {
                return true;
            }
            log.info("window-shifted", Map.of("companyId", companyId, "pass", pass, "pages", pageCount, "leavers", leavers));
        }
        log.warn("window-unsettled", Map.of("companyId", companyId, "from", from.toString(), "to", to.toString(), "passes", PASSES));
        return false;
    }

    /**
     * Reads the window's first page only and stores it.
     *
     * @return true when that page was short, so it held the whole window: one request instead of one per slice for a
     *         company whose history is small (most of a chain's first runs)
     */
    boolean sweepInOnePage(YClientsClient client, long companyId, ZoneId zone, Instant from, Instant to, Consumer<PageTally> counted) {
        RecordQuery window = window(from, to, zone);
        java.util.Iterator<List<Record>> pagesOfWindow = client.records(companyId, window).iterator();
        List<Record> first = pagesOfWindow.hasNext() ? pagesOfWindow.next() : List.of();
        counted.accept(pages.store(companyId, first.size(), pages.normalize(companyId, first, zone)));
        return first.size() < window.pageSize();
    }

    /**
     * Stores the records changed since {@code since} like any others and counts those this pass read inside the
     * window before they changed past its end. Unbounded above, so a record changing during this check stays in it:
     * the check can repeat a record but never lose one.
     */
    private int leaversSince(YClientsClient client, long companyId, ZoneId zone, Instant since, Instant windowEnd, Set<Long> read,
                             PageWrites writes) {
        int leavers = 0;
        for (List<Record> page : client.records(companyId, RecordQuery.changedSince(since.atOffset(ZoneOffset.UTC)).inZone(zone))) {
            for (Record record : page) {
                if (read.contains(record.id()) && record.lastChangeDate() != null
                        && record.lastChangeDate().toInstant(zone).isAfter(windowEnd)) {
                    leavers++;
                }
            }
            submit(writes, companyId, page, zone);
        }
        return leavers;
    }

    /** Records changed within {@code [from, to]}, deleted ones included, bounds written in the company's zone. */
    private static RecordQuery window(Instant from, Instant to, ZoneId zone) {
        return RecordQuery.changedSince(from.atOffset(ZoneOffset.UTC)).changedBefore(to.atOffset(ZoneOffset.UTC)).inZone(zone);
    }

    private void submit(PageWrites writes, long companyId, List<Record> page, ZoneId zone) {
        // Normalized here, in order, so that a record the normalizer refuses is logged in the order it was read.
        List<StoredRecord> normalized = pages.normalize(companyId, page, zone);
        int fetched = page.size();
        writes.submit(() -> pages.store(companyId, fetched, normalized));
    }
}

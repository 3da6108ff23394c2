package io.ycbridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.catalog.CatalogEntry;
import io.ycbridge.catalog.CatalogItem;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.catalog.KindCounts;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.phone.CompanyCountry;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.RecordVersionStore;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.AuthenticationException;
import io.ycbridge.yclients.ConfigurationException;
import io.ycbridge.yclients.NotFoundException;
import io.ycbridge.yclients.RateLimitedException;
import io.ycbridge.yclients.ServerException;
import io.ycbridge.yclients.TransportException;
import io.ycbridge.yclients.ValidationException;
import io.ycbridge.yclients.TwoFactorRequiredException;
import io.ycbridge.yclients.LicenseExpiredException;
import io.ycbridge.yclients.PermissionException;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.ServiceCategory;
import io.ycbridge.yclients.model.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Syncs one company at a time: the catalog (services, categories, masters) into CatalogStore, then the records
 * changed since the company's cursor through {@link RecordStore#upsertFromApi}, the same store webhooks write, then the
 * records the webhook marked for re-reading (see {@link #REREADS_PER_RUN}).
 *
 * <p>Records are read in slices of at most {@link SyncSettings#slice()}, each bounded on both ends
 * ({@code changed_after}, {@code changed_before}, deleted ones included) so paging runs over a fixed set, and the
 * cursor moves to a slice's end only after every record of the slice was stored. The API's order within a window is
 * not documented, so no position inside a slice is trusted, and a record that changes while a slice is paged through
 * cannot make the sweep skip another ({@link WindowSweep}); pages are stored while the next is read. A failure keeps
 * the cursor where it was, so the next run reads the window again; upserts of records already stored are no-ops. The next window starts {@code overlap}
 * before the cursor for clock skew between YClients and us.
 */
public final class CatalogSyncService {
    /**
     * Marked records re-read per company run, lowest id first; the rest wait for the next run. Each is one API request
     * (YClients allows about 200 a minute per partner token, shared by every company), so a backlog left by a long
     * outage is worked off over a few runs instead of holding one run past its deadline.
     */
    public static final int REREADS_PER_RUN = 200;
    /**
     * The least time between two catalog reads that a record naming an unknown service or master asks for. A new
     * service is usually booked soon after it is added, and the bonus rules look its category up in the catalog.
     */
    static final Duration ON_DEMAND_GAP = Duration.ofHours(1);
    private static final ObjectMapper JSON = ApiJson.mapper();
    /** Daemon threads, so an idle pool never holds a JVM (the local stack, a test) open. */
    private static final ExecutorService PAGE_WRITERS = Executors.newFixedThreadPool(WindowSweep.PENDING_PAGES,
            Thread.ofPlatform().daemon().name("page-writer-", 0).factory());

    private final CompanyApi api;
    private final RequestCounter requests;
    private final CatalogStore catalog;
    private final RecordStore records;
    private final SyncStateStore states;
    private final RecordNormalizer normalizer;
    private final SyncSettings settings;
    private final Clock clock;
    private final DecisionLog log;
    private final EmfMetrics metrics;
    private final WindowSweep sweep;

    public CatalogSyncService(CompanyApi api, RequestCounter requests, CatalogStore catalog, RecordStore records, RecordVersionStore versions,
                              SyncStateStore states,
                              RecordNormalizer normalizer, SyncSettings settings, Clock clock, DecisionLog log, EmfMetrics metrics) {
        this.api = Objects.requireNonNull(api, "api");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.records = Objects.requireNonNull(records, "records");
        Objects.requireNonNull(versions, "versions");
        this.states = Objects.requireNonNull(states, "states");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.sweep = new WindowSweep(new PageStore(normalizer, versions, records.batchWrites(), log), PAGE_WRITERS, clock, settings.overlap(), log);
    }

    /**
     * Every company in turn, in this invocation: what the local stack's schedule and the tests run. In AWS the
     * schedule queues one message per company instead (SyncScheduleFunction), and each is a {@link #sync}.
     */
    public SyncSummary syncAll(List<Long> companyIds, Instant deadline) {
        long started = System.nanoTime();
        List<CompanySync> results = new ArrayList<>();
        for (long companyId : companyIds) {
            results.add(clock.instant().isBefore(deadline) ? sync(companyId, deadline) : CompanySync.skipped(companyId));
        }
        SyncSummary summary = SyncSummary.of(results, (System.nanoTime() - started) / 1_000_000);
        log.info("sync-run", Map.of("companies", companyIds.size(), "apiRequests", summary.apiRequests(), "writes", summary.writes(),
                "durationMs", summary.durationMs()));
        return summary;
    }

    /** The scheduled sync of one company: catalog, then records from the cursor (or the back-fill window) to now. */
    public CompanySync sync(long companyId, Instant deadline) {
        return run(companyId, null, null, true, deadline);
    }

    /**
     * On-demand back-fill of one company's records changed within {@code [from, to]}; the catalog is not read and the
     * cursor does not move (the window may lie anywhere).
     */
    public CompanySync backfill(long companyId, Instant from, Instant to, Instant deadline) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a back-fill window needs from before to, got " + from + " .. " + to);
        }
        return run(companyId, from, to, false, deadline);
    }

    private CompanySync run(long companyId, Instant from, Instant to, boolean scheduled, Instant deadline) {
        long startedNanos = System.nanoTime();
        long requestsBefore = requests.onThisThread();
        Instant runAt = clock.instant();
        Progress progress = new Progress();
        SyncOutcome outcome;
        String error = null;
        try {
            SyncState state = states.get(companyId);
            progress.cursor = state.cursor().orElse(null);
            ZoneId zone = zone(companyId, state);
            boolean catalogRead = scheduled && catalogDue(companyId, state, runAt);
            if (catalogRead) {
                syncCatalog(companyId, progress);
                states.recordCatalog(companyId, runAt);
            }
            Instant windowFrom = from != null ? from
                    : state.cursor().map(cursor -> cursor.minus(settings.overlap())).orElse(runAt.minus(settings.backfill()));
            Instant windowTo = to != null ? to : runAt;
            Optional<SyncState.Backfill> history = state.backfill();
            if (scheduled && state.cursor().isEmpty()) {
                states.rememberBackfill(companyId, windowFrom, windowTo);
                history = Optional.of(history.orElse(new SyncState.Backfill(windowFrom, windowTo)));
            }
            Optional<SyncState.Backfill> backfilling = history.filter(window -> state.cursor().map(window.to()::isAfter).orElse(true));
            boolean finished = syncRecords(companyId, zone, windowFrom, windowTo, scheduled, deadline, progress, backfilling);
            if (finished && scheduled) {
                // After the window, so a record changed again since its mark is not read twice for nothing: the window
                // stored its newest version and the re-read finds it unchanged.
                rereadMarked(companyId, zone, deadline, progress);
            }
            if (scheduled && !catalogRead && onDemandAllowed(state, runAt) && catalogLacksAny(companyId, progress.named)) {
                log.info("catalog-on-demand", Map.of("companyId", companyId, "services", progress.named.services().size(),
                        "staff", progress.named.staff().size()));
                syncCatalog(companyId, progress);
                states.recordCatalog(companyId, runAt);
            }
            outcome = finished ? SyncOutcome.OK : SyncOutcome.PARTIAL;
        } catch (AuthenticationException | PermissionException | LicenseExpiredException | ConfigurationException | TwoFactorRequiredException refused) {
            // Each needs an operator (a token, a right, the base URL, a login without two-factor): retrying cannot help.
            outcome = SyncOutcome.REFUSED;
            error = refused.getMessage();
            metrics.count("SyncRefused", Map.of("Company", Long.toString(companyId)));
        } catch (RuntimeException failed) {
            outcome = SyncOutcome.FAILED;
            error = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            metrics.count("SyncFailed", Map.of("Company", Long.toString(companyId)));
        }
        CompanySync result = new CompanySync(companyId, outcome, Map.copyOf(progress.catalog), progress.records(),
                requests.onThisThread() - requestsBefore, (System.nanoTime() - startedNanos) / 1_000_000, progress.cursor, error);
        finish(result, runAt, scheduled);
        return result;
    }

    private void finish(CompanySync result, Instant runAt, boolean scheduled) {
        try {
            String outcome = (scheduled ? "" : "backfill-") + result.outcome().name().toLowerCase(java.util.Locale.ROOT);
            if (scheduled || result.error() != null) {
                states.recordRun(result.companyId(), runAt, outcome, result.error());
            } else {
                // A good back-fill says nothing about the scheduled sync: it must not clear that run's error.
                log.info("backfill-not-recorded-as-success", Map.of("companyId", result.companyId(), "outcome", outcome));
            }
        } catch (RuntimeException unrecorded) {
            // The result still reaches the caller and the log; the state is only for operators.
            log.warn("sync-state-not-recorded", Map.of("companyId", result.companyId(), "error", String.valueOf(unrecorded.getMessage())));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("companyId", result.companyId());
        fields.put("outcome", result.outcome());
        fields.put("catalog", result.catalog());
        fields.put("records", result.records());
        fields.put("apiRequests", result.apiRequests());
        fields.put("durationMs", result.durationMs());
        fields.put("cursor", result.cursor() == null ? null : result.cursor().toString());
        if (result.error() != null) {
            fields.put("error", result.error());
        }
        if (result.outcome() == SyncOutcome.OK || result.outcome() == SyncOutcome.PARTIAL) {
            log.info("company-synced", fields);
        } else {
            log.error("company-sync-failed", fields);
        }
        metrics.milliseconds("SyncDuration", result.durationMs(), Map.of());
    }

    private boolean catalogDue(long companyId, SyncState state, Instant runAt) {
        return settings.catalogDue(companyId, state.lastCatalogAt().orElse(null), runAt);
    }

    /**
     * The company's zone, from the state or, once, from {@code GET /company/{id}}, which also gives its phone region:
     * both are remembered, so the call is made again only while the API names no zone. The region is stored before
     * any record is read, so the normalizer (and webhook intake, through the same state) reads phones in it.
     */
    private ZoneId zone(long companyId, SyncState state) {
        Optional<ZoneId> zone = state.zone().flatMap(CatalogSyncService::zoneOf);
        if (zone.isPresent() && state.phoneRegion().isPresent()) {
            return zone.get();
        }
        Company company = api.call(client -> client.company(companyId));
        if (state.phoneRegion().isEmpty()) {
            Optional<String> region = CompanyCountry.regionOf(company);
            states.rememberPhoneRegion(companyId, region);
            log.info("phone-region-learned", Map.of("companyId", companyId, "region", region.orElse("none")));
        }
        if (zone.isEmpty()) {
            zone = company.zone();
            zone.ifPresent(known -> states.rememberZone(companyId, known));
        }
        return zone.orElse(settings.defaultZone());
    }

    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException unreadable) {
            return Optional.empty(); // read it again from the API
        }
    }

    private void syncCatalog(long companyId, Progress progress) {
        // Read all three lists before writing any: a refusal halfway leaves the stored catalog as one consistent whole.
        List<Service> services = api.call(client -> client.services(companyId));
        List<ServiceCategory> categories = api.call(client -> client.serviceCategories(companyId));
        List<StaffMember> staff = api.call(client -> client.staff(companyId));
        progress.catalog.put(CatalogKind.SERVICE, catalog.sync(companyId, CatalogKind.SERVICE, entries(services.stream().map(SyncedService::of).toList(), SyncedService::id)));
        progress.catalog.put(CatalogKind.CATEGORY, catalog.sync(companyId, CatalogKind.CATEGORY, entries(categories, ServiceCategory::id)));
        progress.catalog.put(CatalogKind.STAFF, catalog.sync(companyId, CatalogKind.STAFF, entries(staff, StaffMember::id)));
    }

    /**
     * @param backfilling the first run's window while the cursor has not passed it: each slice logs its progress
     * @return false when the deadline stopped it before the window's end
     */
    private boolean syncRecords(long companyId, ZoneId zone, Instant from, Instant to, boolean moveCursor, Instant deadline,
                                Progress progress, Optional<SyncState.Backfill> backfilling) {
        if (Duration.between(from, to).compareTo(settings.slice()) > 0
                && api.call(client -> sweep.sweepInOnePage(client, companyId, zone, from, to, progress::add))) {
            if (moveCursor) {
                advance(companyId, to, progress, backfilling);
            }
            return true;
        }
        // A slice's writes finish while the next slice is read; its cursor moves once they have.
        PageWrites previous = null;
        Instant previousEnd = null;
        try {
            Instant sliceFrom = from;
            while (sliceFrom.isBefore(to)) {
                if (!clock.instant().isBefore(deadline)) {
                    return false;
                }
                Instant start = sliceFrom;
                Instant sliceTo = min(to, sliceFrom.plus(settings.slice()));
                PageWrites writes = sweep.writes();
                boolean swept;
                try {
                    // The whole slice is one API call: a 401 halfway refreshes the credentials and reads the slice
                    // again, and the records already submitted come back as no-op upserts.
                    swept = api.call(client -> sweep.sweep(client, companyId, zone, start, sliceTo, deadline, writes));
                } catch (RuntimeException readFailed) {
                    writes.finishAfter(readFailed, progress::add);
                    throw readFailed;
                }
                PageWrites finishing = previous;
                previous = writes;
                previousEnd = null;
                if (finishing != null) {
                    finishing.finish(progress::add);
                    if (moveCursor) {
                        advance(companyId, start, progress, backfilling);
                    }
                }
                if (!swept) {
                    return false;
                }
                previousEnd = sliceTo;
                sliceFrom = sliceTo;
            }
            return true;
        } catch (RuntimeException failed) {
            if (previous != null) {
                previous.finishAfter(failed, progress::add);
                previous = null;
            }
            throw failed;
        } finally {
            if (previous != null) {
                previous.finish(progress::add);
                if (moveCursor && previousEnd != null) {
                    advance(companyId, previousEnd, progress, backfilling);
                }
            }
        }
    }

    private void advance(long companyId, Instant through, Progress progress, Optional<SyncState.Backfill> backfilling) {
        states.advanceCursor(companyId, through);
        progress.cursor = progress.cursor == null || progress.cursor.isBefore(through) ? through : progress.cursor;
        backfilling.ifPresent(window -> log.info("backfill-progress", Map.of("companyId", companyId, "through", through.toString(),
                "percent", Math.round(window.done(Optional.of(through)) * 1000) / 10.0, "recordsRead", progress.fetched)));
    }

    /**
     * Reads back the records the webhook marked (a same-second conflict, a body or delete it could not check with the
     * API) and stores what the API says, which settles a conflict and replaces a placeholder. A 404 clears the mark
     * too: YClients may not show a deleted record, and the window's deleted records still come through the list. When
     * the API fails the rest keep their marks for the next run.
     */
    private void rereadMarked(long companyId, ZoneId zone, Instant deadline, Progress progress) {
        SortedSet<Long> marked = states.rereads(companyId);
        List<Long> settled = new ArrayList<>();
        int tried = 0;
        try {
            for (long recordId : marked) {
                if (tried == REREADS_PER_RUN || !clock.instant().isBefore(deadline)) {
                    break;
                }
                tried++;
                Record record;
                try {
                    record = api.call(client -> client.record(companyId, recordId));
                } catch (NotFoundException gone) {
                    log.info("reread-not-found", Map.of("companyId", companyId, "recordId", recordId));
                    progress.rereadNotFound++;
                    settled.add(recordId);
                    continue;
                } catch (ServerException | TransportException | RateLimitedException down) {
                    // The client retried already: the API is down for now, and every further read would fail the same way.
                    log.warn("reread-failed", Map.of("companyId", companyId, "recordId", recordId, "status", down.status()));
                    progress.rereadFailed++;
                    break;
                } catch (ValidationException refused) {
                    // About this record only: the others still get their turn; this one is tried again next run.
                    log.warn("reread-failed", Map.of("companyId", companyId, "recordId", recordId, "status", refused.status()));
                    progress.rereadFailed++;
                    continue;
                }
                progress.fetched++;
                try {
                    StoredRecord stored = normalizer.normalize(companyId, record, zone, RecordSource.SYNC);
                    progress.add(PageTally.of(records.upsertFromApi(stored), stored));
                    progress.reread++;
                } catch (IllegalArgumentException unusable) {
                    progress.rejected++;
                    log.warn("record-rejected", Map.of("companyId", companyId, "recordId", recordId, "reason", unusable.getMessage()));
                }
                // Only once stored (or refused for good): a storage failure above keeps the mark for the next run.
                settled.add(recordId);
            }
        } finally {
            // Also when a refusal or a storage failure ends the run: what was stored stays settled.
            states.clearRereads(companyId, settled);
            progress.rereadLeft = marked.size() - settled.size();
        }
    }

    /**
     * At most once per {@link #ON_DEMAND_GAP}: a record may name a service deleted before our first catalog read,
     * which no read will ever bring, and it must not cost three requests every run.
     */
    private static boolean onDemandAllowed(SyncState state, Instant runAt) {
        return state.lastCatalogAt().map(last -> last.isBefore(runAt.minus(ON_DEMAND_GAP))).orElse(true);
    }

    /** Whether a record this run stored names a service or master the stored catalog (deleted items included) lacks. */
    private boolean catalogLacksAny(long companyId, PageTally.CatalogNames named) {
        if (named.services().isEmpty() && named.staff().isEmpty()) {
            return false; // nothing new was stored: no catalog query
        }
        return !ids(companyId, CatalogKind.SERVICE).containsAll(named.services())
                || !ids(companyId, CatalogKind.STAFF).containsAll(named.staff());
    }

    private Set<Long> ids(long companyId, CatalogKind kind) {
        return catalog.items(companyId, kind).stream().map(CatalogItem::id).collect(Collectors.toSet());
    }

    private static <T> Collection<CatalogEntry> entries(List<T> items, ToLongFunction<T> id) {
        List<CatalogEntry> entries = new ArrayList<>(items.size());
        for (T item : items) {
            try {
                // Records serialise their components in declaration order: the same content gives the same JSON and hash.
                entries.add(new CatalogEntry(id.applyAsLong(item), JSON.writeValueAsString(item)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a catalog item did not encode", e);
            }
        }
        return entries;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** What the run got through, kept when it stops early so the result still reports it. */
    private static final class Progress {
        final Map<CatalogKind, KindCounts> catalog = new EnumMap<>(CatalogKind.class);
        Instant cursor;
        int fetched;
        int created;
        int updated;
        int unchanged;
        int rejected;
        int reread;
        int rereadNotFound;
        int rereadFailed;
        int rereadLeft;
        PageTally.CatalogNames named = PageTally.CatalogNames.NONE;

        void add(PageTally page) {
            named = named.plus(page.named());
            fetched += page.fetched();
            created += page.created();
            updated += page.updated();
            unchanged += page.unchanged();
            rejected += page.rejected();
        }

        RecordCounts records() {
            return new RecordCounts(fetched, created, updated, unchanged, rejected,
                    new RecordCounts.Rereads(reread, rereadNotFound, rereadFailed, rereadLeft));
        }
    }
}

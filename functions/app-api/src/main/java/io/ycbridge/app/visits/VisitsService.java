package io.ycbridge.app.visits;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.app.booking.BookingStore;
import io.ycbridge.app.booking.FreeTime;
import io.ycbridge.app.booking.NextFreeTimes;
import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.app.catalog.CatalogView;
import io.ycbridge.app.visits.VisitChangePolicy.Change;
import io.ycbridge.bonus.AccrualState;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.record.VisitStatus;
import io.ycbridge.yclients.ApiTimestamp;
import io.ycbridge.yclients.BookingError;
import io.ycbridge.yclients.NotFoundException;
import io.ycbridge.yclients.BookingChangeRefusedException;
import io.ycbridge.yclients.ValidationException;
import io.ycbridge.yclients.YClientsException;
import io.ycbridge.yclients.model.RecordRules;
import io.ycbridge.yclients.model.UserRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's visits: the records of the phone they proved (the rule that also names the owner of a visit's bonus),
 * listed from RecordsTable with their bonus, and cancelled or moved through the booking user's API with the hash
 * YClients gave when the app booked them. A visit booked by phone or at the desk has no hash here: it is listed, but
 * changed only by the salon.
 */
public final class VisitsService {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    private static final String RETRY_AFTER_SECONDS = "30";

    private final Set<Long> companies;
    private final UserLinkStore links;
    private final VisitReader visits;
    private final RecordStore records;
    private final BonusLedgerStore ledger;
    private final BookingStore bookings;
    private final CatalogReader catalog;
    private final YClientsAccess api;
    private final NextFreeTimes freeTimes;
    private final Clock clock;
    private final DecisionLog log;

    public VisitsService(Set<Long> companies, UserLinkStore links, VisitReader visits, RecordStore records, BonusLedgerStore ledger,
                         BookingStore bookings, CatalogReader catalog, YClientsAccess api, Clock clock, DecisionLog log) {
        this.companies = Set.copyOf(companies);
        this.links = Objects.requireNonNull(links, "links");
        this.visits = Objects.requireNonNull(visits, "visits");
        this.records = Objects.requireNonNull(records, "records");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.api = Objects.requireNonNull(api, "api");
        this.freeTimes = new NextFreeTimes(api);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    public record VisitsPage(List<VisitView> visits, String nextCursor) {
    }

    /** A user without a proven phone has no visits yet: an empty list, not a refusal. */
    public VisitsPage list(String userId, VisitReader.When when, int limit, String cursor) {
        Optional<String> phone = provenPhone(userId);
        if (phone.isEmpty()) {
            return new VisitsPage(List.of(), null);
        }
        VisitReader.Page page = visits.page(phone.get(), when, clock.instant(), limit, cursor);
        Map<Long, Map<Long, String>> staffNames = new HashMap<>();
        List<VisitView> shown = page.records().stream().filter(record -> companies.contains(record.companyId()))
                .map(record -> view(userId, record, staffNames)).toList();
        return new VisitsPage(shown, page.cursor());
    }

    /** Cancels the caller's visit; nothing to answer on success (the record's own change comes by webhook and sync). */
    public void cancel(String userId, VisitId id) {
        Changeable visit = changeable(userId, id, Change.CANCEL);
        try {
            api.call(client -> {
                client.cancelUserRecord(id.recordId(), visit.booked().recordHash());
                return null;
            });
        } catch (YClientsException refused) {
            throw refusal(id, Change.CANCEL, refused, visit);
        }
        log.info("visit-cancelled", Map.of("companyId", id.companyId(), "recordId", id.recordId()));
    }

    /** Moves the caller's visit to {@code datetime} (a time from {@code GET /v1/booking/times}); the visit as moved. */
    public VisitView move(String userId, VisitId id, OffsetDateTime datetime) {
        Changeable visit = changeable(userId, id, Change.MOVE);
        if (!datetime.toInstant().isAfter(clock.instant())) {
            throw new RequestRefused(422, "the new time has passed: choose one from GET /v1/booking/times", Map.of("field", "datetime"), Map.of());
        }
        try {
            api.call(client -> client.rescheduleBooking(id.companyId(), id.recordId(), ApiTimestamp.of(datetime), null));
        } catch (YClientsException refused) {
            throw refusal(id, Change.MOVE, refused, visit, datetime);
        }
        log.info("visit-moved", Map.of("companyId", id.companyId(), "recordId", id.recordId()));
        // Shown at the new time at once; the record's own new version arrives by webhook and sync like any other change.
        StoredRecord moved = visit.record().withStartsAt(datetime);
        return view(userId, moved, new HashMap<>());
    }

    private record Changeable(StoredRecord record, BookingStore.BookedVisit booked) {
    }

    /** The visit is the caller's, still ahead, booked in the app, and the salon's rules allow the change now. */
    private Changeable changeable(String userId, VisitId id, Change change) {
        StoredRecord record = owned(userId, id);
        if (record.deleted()) {
            throw new RequestRefused(409, "visit " + id + " is cancelled already");
        }
        Instant now = clock.instant();
        if (record.startsAt() == null) {
            throw new RequestRefused(409, "visit " + id + " has no time yet: the salon is still completing it");
        }
        VisitChangePolicy.refusal(change, null, null, record.startsAt().toInstant(), now).ifPresent(refusal -> {
            throw refusal;
        });
        BookingStore.BookedVisit booked = bookings.visit(userId, id.companyId(), id.recordId()).orElseThrow(() -> new RequestRefused(403,
                "visit " + id + " was booked with the salon, not in the app: only the app's own bookings can be "
                        + (change == Change.CANCEL ? "cancelled" : "moved") + " here; call the salon"));
        RecordRules rules;
        try {
            rules = api.call(client -> client.userRecord(id.recordId(), booked.recordHash())).stream().findFirst()
                    .map(UserRecord::rules).orElse(RecordRules.UNKNOWN);
        } catch (NotFoundException gone) {
            throw new RequestRefused(409, "YClients no longer has visit " + id + ": it was cancelled or removed");
        } catch (YClientsException unavailable) {
            throw unavailable(change);
        }
        boolean cancel = change == Change.CANCEL;
        VisitChangePolicy.refusal(change, cancel ? rules.allowDelete() : rules.allowChange(),
                cancel ? rules.deleteDelay() : rules.changeDelay(), record.startsAt().toInstant(), now).ifPresent(refusal -> {
                    throw refusal;
                });
        return new Changeable(record, booked);
    }

    /** The record, when its client's phone is the caller's proven one; otherwise the same 404 as for no record at all. */
    private StoredRecord owned(String userId, VisitId id) {
        RequestRefused notYours = new RequestRefused(404, "no visit " + id + " of yours");
        if (!companies.contains(id.companyId())) {
            throw notYours;
        }
        String phone = provenPhone(userId).orElseThrow(() -> notYours);
        StoredRecord record = records.get(id.companyId(), id.recordId()).orElseThrow(() -> notYours);
        if (!phone.equals(record.clientPhoneE164())) {
            throw notYours;
        }
        return record;
    }

    private RequestRefused refusal(VisitId id, Change change, YClientsException refused, Changeable visit) {
        return refusal(id, change, refused, visit, null);
    }

    private RequestRefused refusal(VisitId id, Change change, YClientsException refused, Changeable visit, OffsetDateTime wanted) {
        log.info("visit-change-refused", Map.of("companyId", id.companyId(), "recordId", id.recordId(), "change", change.name(),
                "failure", refused.getClass().getSimpleName(), "status", refused.status()));
        if (refused instanceof ValidationException invalid && invalid.bookingError().filter(BookingError.TIME_TAKEN::equals).isPresent()
                && wanted != null) {
            List<FreeTime> next = freeTimes.after(id.companyId(), visit.record().staffId() == null ? 0 : visit.record().staffId(),
                    visit.record().services().stream().map(StoredService::id).toList(), wanted);
            return new RequestRefused(409, "this time was just taken: choose another", Map.of("field", "datetime", "nextTimes", next), Map.of());
        }
        if (refused instanceof ValidationException) {
            return new RequestRefused(422, "YClients refused the new time: choose one from GET /v1/booking/times",
                    Map.of("field", "datetime"), Map.of());
        }
        if (refused instanceof BookingChangeRefusedException) {
            return new RequestRefused(403, "the salon's rules do not allow this " + (change == Change.CANCEL ? "cancellation" : "move")
                    + " online now: call the salon");
        }
        if (refused instanceof NotFoundException) {
            return new RequestRefused(409, "YClients no longer has visit " + id + ": it was cancelled or removed");
        }
        return unavailable(change);
    }

    private static RequestRefused unavailable(Change change) {
        return new RequestRefused(503, "YClients is not answering: the visit was not " + (change == Change.CANCEL ? "cancelled" : "moved")
                + "; try again shortly", Map.of(), Map.of("retry-after", RETRY_AFTER_SECONDS));
    }

    private Optional<String> provenPhone(String userId) {
        return links.linksOf(userId).map(UserLinkStore.Links::phoneE164);
    }

    private VisitView view(String userId, StoredRecord record, Map<Long, Map<Long, String>> staffNames) {
        AccrualState state = ledger.state(record.companyId(), record.recordId());
        BigDecimal accrued = state.accrued() == null ? BigDecimal.ZERO : state.accrued();
        String bonusStatus = accrued.signum() <= 0 ? "none"
                : BonusOwner.user(userId).equals(state.owner()) ? "earned" : state.owner() != null && state.owner().pending() ? "pending" : "none";
        String name = record.staffId() == null ? null : staffNames.computeIfAbsent(record.companyId(), this::staffNamesOf).get(record.staffId());
        return new VisitView(
                VisitId.of(record.companyId(), record.recordId()).toString(),
                record.companyId(),
                record.recordId(),
                VisitStatus.of(record).wire(),
                record.startsAt() == null ? null : record.startsAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                record.seanceLength() == null ? null : record.seanceLength().toSeconds(),
                record.services().stream().map(line -> new VisitView.Line(line.id(), line.title(), money(line.cost()), line.amount())).toList(),
                record.staffId() == null ? null : new VisitView.Staff(record.staffId(), name),
                money(record.total()),
                new VisitView.Bonus(bonusStatus, money("none".equals(bonusStatus) ? BigDecimal.ZERO : accrued)),
                bookings.visit(userId, record.companyId(), record.recordId()).isPresent());
    }

    private Map<Long, String> staffNamesOf(long companyId) {
        Map<Long, String> names = new HashMap<>();
        CatalogView.Loaded loaded = catalog.load(companyId);
        loaded.catalog().staff().forEach(member -> names.put(member.id(), member.name()));
        return names;
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}

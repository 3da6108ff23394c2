package io.ycbridge.yclients;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filters of {@code GET /records/{company_id}}. {@link #changedSince(OffsetDateTime)} with deleted records is the change
 * feed incremental sync reads. The page size is capped at 200: the API's maximum is undocumented.
 *
 * <p>How {@code changed_after} and {@code changed_before} go on the wire is decided here, and only here: the company's
 * local time without an offset, {@code 2016-02-23T12:00:00}, once the query knows the company's zone
 * ({@link #inZone}). That is the reference's only example of these parameters (mkosinov/yclientsapi,
 * {@code docs/yclients_official/yclientsru.apib}, "Коллекция записей → Получить список записей [GET]":
 * {@code changed_after:`2016-02-23T12:00:00` (optional, string) - Дата изменения/создания записи ... начиная с
 * конкретной даты и времени}); the API's other offset-less times ({@code date}, {@code c_start_date}) are
 * company-local; and the peer code that pages the change feed sends that form, {@code Y-m-d\TH:i:s} with no offset
 * (e-nikitin/yclients-laravel-sdk, {@code src/Requests/Records.php}, {@code setChangedAfter}; its fork
 * nikolaimoiseev01/yclients-laravel-sdk, same path). The reference's general note on dates ("Все даты в API представлены в
 * виде строк в формате ISO 8601", shown with {@code +03:00}) does not say these parameters honour an offset, its
 * example of them has none, and no peer sends one: the documented form is the one a live parser surely reads. Without a zone the query keeps the form it sent before, ISO with a numeric offset, which only a parser
 * that honours offsets reads right: callers that know the zone (the sync does) should pass it.
 */
public record RecordQuery(LocalDate startDate, LocalDate endDate, OffsetDateTime changedAfter, OffsetDateTime changedBefore,
                          Long staffId, Long clientId, boolean withDeleted, int pageSize, ZoneId companyZone) {

    public static final int MAX_PAGE_SIZE = 200;
    // The reference's form: company-local, whole seconds, no offset.
    private static final DateTimeFormatter COMPANY_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    // Without a zone: whole seconds and a numeric offset (+00:00, never Z), the form the API's own date-times have.
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    public RecordQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** Records booked for visits within these dates (company-local, inclusive). */
    public static RecordQuery visitsBetween(LocalDate from, LocalDate to) {
        return new RecordQuery(from, to, null, null, null, null, false, MAX_PAGE_SIZE, null);
    }

    /** Every record changed after this moment, deleted ones included. */
    public static RecordQuery changedSince(OffsetDateTime since) {
        return new RecordQuery(null, null, since, null, null, null, true, MAX_PAGE_SIZE, null);
    }

    public RecordQuery changedBefore(OffsetDateTime before) {
        return new RecordQuery(startDate, endDate, changedAfter, before, staffId, clientId, withDeleted, pageSize, companyZone);
    }

    public RecordQuery withDeleted(boolean include) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, staffId, clientId, include, pageSize, companyZone);
    }

    public RecordQuery pageSize(int size) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, staffId, clientId, withDeleted, size, companyZone);
    }

    public RecordQuery forStaff(long id) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, id, clientId, withDeleted, pageSize, companyZone);
    }

    public RecordQuery forClient(long id) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, staffId, id, withDeleted, pageSize, companyZone);
    }

    /**
     * The company's zone, in which the change bounds are written (the reference's form); the instants asked for stay
     * the same whatever offset they were given in.
     */
    public RecordQuery inZone(ZoneId zone) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, staffId, clientId, withDeleted, pageSize, zone);
    }

    Map<String, String> toQuery(int page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", Integer.toString(page));
        query.put("count", Integer.toString(pageSize));
        if (startDate != null) {
            query.put("start_date", startDate.toString());
        }
        if (endDate != null) {
            query.put("end_date", endDate.toString());
        }
        if (changedAfter != null) {
            query.put("changed_after", changeBound(changedAfter.truncatedTo(ChronoUnit.SECONDS), false));
        }
        if (changedBefore != null) {
            // Rounded up, so truncating the fraction never drops the window's last instant.
            OffsetDateTime before = changedBefore.getNano() == 0 ? changedBefore
                    : changedBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            query.put("changed_before", changeBound(before, true));
        }
        if (staffId != null) {
            query.put("staff_id", staffId.toString());
        }
        if (clientId != null) {
            query.put("client_id", clientId.toString());
        }
        if (withDeleted) {
            query.put("with_deleted", "1");
        }
        return query;
    }

    /** A change bound in the wire form decided above; {@code upper} says which way keeps the window whole. */
    private String changeBound(OffsetDateTime bound, boolean upper) {
        if (companyZone == null) {
            return bound.format(WITH_OFFSET);
        }
        LocalDateTime local = LocalDateTime.ofInstant(bound.toInstant(), companyZone);
        List<ZoneOffset> offsets = companyZone.getRules().getValidOffsets(local);
        if (offsets.size() > 1) {
            // While clocks are turned back the same local time names two instants, and the API may read either:
            // the bound moves out by the overlap, so the window is read whole (a little more of it, never less).
            Duration overlap = Duration.ofSeconds(Math.abs(offsets.get(0).getTotalSeconds() - offsets.get(1).getTotalSeconds()));
            local = upper ? local.plus(overlap) : local.minus(overlap);
        }
        return local.format(COMPANY_LOCAL);
    }
}

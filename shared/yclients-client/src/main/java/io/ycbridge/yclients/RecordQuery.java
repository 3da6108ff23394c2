package io.ycbridge.yclients;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of {@code GET /records/{company_id}}. {@link #changedSince(OffsetDateTime)} with deleted records is the change
 * feed incremental sync reads. The page size is capped at 200: the API's maximum is undocumented.
 */
public record RecordQuery(LocalDate startDate, LocalDate endDate, OffsetDateTime changedAfter, OffsetDateTime changedBefore,
                          Long staffId, Long clientId, boolean withDeleted, int pageSize) {

    public static final int MAX_PAGE_SIZE = 200;
    // Whole seconds and a numeric offset (+00:00, never Z): the one form every date-time the API sends has.
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    public RecordQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** Records booked for visits within these dates (company-local, inclusive). */
    public static RecordQuery visitsBetween(LocalDate from, LocalDate to) {
        return new RecordQuery(from, to, null, null, null, null, false, MAX_PAGE_SIZE);
    }

    /** Every record changed after this moment, deleted ones included. */
    public static RecordQuery changedSince(OffsetDateTime since) {
        return new RecordQuery(null, null, since, null, null, null, true, MAX_PAGE_SIZE);
    }

    public RecordQuery changedBefore(OffsetDateTime before) {
        return new RecordQuery(startDate, endDate, changedAfter, before, staffId, clientId, withDeleted, pageSize);
    }

    public RecordQuery withDeleted(boolean include) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, staffId, clientId, include, pageSize);
    }

    public RecordQuery pageSize(int size) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, staffId, clientId, withDeleted, size);
    }

    public RecordQuery forStaff(long id) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, id, clientId, withDeleted, pageSize);
    }

    public RecordQuery forClient(long id) {
        return new RecordQuery(startDate, endDate, changedAfter, changedBefore, staffId, id, withDeleted, pageSize);
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
            query.put("changed_after", changedAfter.truncatedTo(ChronoUnit.SECONDS).format(WIRE_TIME));
        }
        if (changedBefore != null) {
            // Rounded up, so truncating the fraction never drops the window's last instant.
            OffsetDateTime before = changedBefore.getNano() == 0 ? changedBefore
                    : changedBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            query.put("changed_before", before.format(WIRE_TIME));
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
}

package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordQueryTest {

    @Test
    void changeTimesGoOnTheWireInWholeSecondsWithANumericOffset() {
        // A clock's now() has a fraction and prints UTC as Z; the API's own date-times have neither.
        Map<String, String> query = RecordQuery.changedSince(OffsetDateTime.parse("2026-10-24T13:39:33.123456789Z"))
                .changedBefore(OffsetDateTime.parse("2026-11-23T13:39:33.5+03:00")).toQuery(1);
        assertEquals("2026-10-24T13:39:33+00:00", query.get("changed_after"));
        assertEquals("2026-11-23T13:39:34+03:00", query.get("changed_before"), "rounded up: the window's end is kept");
        assertEquals("1", query.get("with_deleted"));
        assertEquals("200", query.get("count"));
    }

    @Test
    void visitWindowsUseDatesAndLeaveDeletedOut() {
        Map<String, String> query = RecordQuery.visitsBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)).toQuery(3);
        assertEquals("2026-12-01", query.get("start_date"));
        assertEquals("2026-12-31", query.get("end_date"));
        assertEquals("3", query.get("page"));
        assertFalse(query.containsKey("with_deleted"));
    }

    @Test
    void pageSizeIsBoundedBy200() {
        assertThrows(IllegalArgumentException.class, () -> RecordQuery.visitsBetween(LocalDate.now(), LocalDate.now()).pageSize(201));
    }
}

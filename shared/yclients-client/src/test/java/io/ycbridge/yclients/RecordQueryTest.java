package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordQueryTest {

    @Test
    void changeTimesGoOnTheWireAsTheReferenceShowsThemCompanyLocalWithoutAnOffset() {
        // "changed_after:`2016-02-23T12:00:00`": the sync's instants, in UTC, are written in the company's own time.
        Map<String, String> query = RecordQuery.changedSince(OffsetDateTime.parse("2026-10-24T13:39:33.123456789Z"))
                .changedBefore(OffsetDateTime.parse("2026-11-23T13:39:33.5+03:00"))
                .inZone(ZoneId.of("Europe/Moscow")).toQuery(1);
        assertEquals("2026-10-24T16:39:33", query.get("changed_after"));
        assertEquals("2026-11-23T13:39:34", query.get("changed_before"), "rounded up: the window's end is kept");
        assertEquals("1", query.get("with_deleted"));
    }

    @Test
    void whereTheClocksGoBackTheBoundsMoveOutSoEitherReadingKeepsTheWindowWhole() {
        // Kyiv turns 04:00 (+03:00) back to 03:00 (+02:00) on 2026-10-25: 03:30 local names 00:30Z and 01:30Z.
        ZoneId kyiv = ZoneId.of("Europe/Kyiv");
        OffsetDateTime inTheOverlap = OffsetDateTime.parse("2026-10-25T00:30:00Z");
        Map<String, String> query = RecordQuery.changedSince(inTheOverlap).changedBefore(inTheOverlap).inZone(kyiv).toQuery(1);
        assertEquals("2026-10-25T02:30:00", query.get("changed_after"), "read at +03:00 or +02:00, no later than 00:30Z");
        assertEquals("2026-10-25T04:30:00", query.get("changed_before"), "read as 02:30Z, no earlier than 00:30Z");
        Map<String, String> summer = RecordQuery.changedSince(OffsetDateTime.parse("2026-07-01T09:00:00Z")).inZone(kyiv).toQuery(1);
        assertEquals("2026-07-01T12:00:00", summer.get("changed_after"));
    }

    @Test
    void withoutTheCompanysZoneChangeTimesKeepANumericOffset() {
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

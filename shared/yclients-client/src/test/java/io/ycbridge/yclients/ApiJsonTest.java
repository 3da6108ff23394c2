package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.StaffMember;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
    private final ObjectMapper json = ApiJson.mapper();

    @Test
    void aRecordWithTheApisMixedTypesDecodes() throws Exception {
        Record record = json.readValue("""
                {"id": 9001, "company_id": "235564", "staff_id": 55, "visit_id": "7001",
                 "services": [{"id": 301, "title": "Haircut", "cost": "1500.50", "manual_cost": 1500, "first_cost": 1500,
                               "discount": 0, "amount": 1, "unknown_field": {"x": 1}}],
                 "client": {"id": 4001, "name": "Anna", "phone": 79990000000, "email": ""},
                 "date": "2026-11-20 12:00:00", "datetime": "2026-11-20T12:00:00+03:00", "seance_length": 3600,
                 "attendance": 1, "visit_attendance": "1", "confirmed": 1, "paid_full": 1, "deleted": 0,
                 "create_date": "2026-11-18T09:10:11+0300", "last_change_date": "2026-11-20T13:05:00+0300",
                 "custom_fields": []}
                """, Record.class);
        assertEquals(235564, record.companyId());
        assertEquals("7001", record.visitId());
        assertEquals(new BigDecimal("1500.50"), record.services().getFirst().cost());
        assertEquals("79990000000", record.client().phone());
        assertFalse(record.isDeleted());
        assertEquals(1, record.visitAttendance());
        assertEquals(Instant.parse("2026-11-20T10:05:00Z"), record.lastChangeDate().toInstant(ZoneId.of("UTC")));
        assertEquals(Instant.parse("2026-11-20T09:00:00Z"), record.date().toInstant(ZoneId.of("Europe/Moscow")));
        assertTrue(record.customFields().isArray());
    }

    @Test
    void nullClientVisitIdAsNumberAndCustomFieldsAsObjectAreFine() throws Exception {
        Record record = json.readValue("""
                {"id": 1, "company_id": 2, "visit_id": 7001, "client": null, "deleted": true,
                 "custom_fields": {"instagram": "x"}, "last_change_date": "0000-00-00 00:00:00"}
                """, Record.class);
        assertNull(record.client());
        assertEquals("7001", record.visitId());
        assertTrue(record.isDeleted());
        assertTrue(record.customFields().isObject());
        assertNull(record.lastChangeDate());
        assertTrue(record.services().isEmpty());
    }

    @Test
    void flagsComeAsBooleansNumbersOrStrings() throws Exception {
        StaffMember staff = json.readValue("""
                {"id": "55", "name": "Olga", "fired": "0", "hidden": 1, "bookable": true, "rating": "4.5"}
                """, StaffMember.class);
        assertEquals(55, staff.id());
        assertFalse(staff.fired());
        assertTrue(staff.hidden());
        assertTrue(staff.bookable());
        Service service = json.readValue("""
                {"id": 301, "title": "Cut", "price_min": "1000.00", "price_max": 1500, "active": "1", "staff": [{"id": 55}]}
                """, Service.class);
        assertTrue(service.active());
        assertEquals(new BigDecimal("1000.00"), service.priceMin());
        assertEquals(55, service.staff().getFirst().id());
    }

    @Test
    void anUnknownFlagValueIsAnError() {
        assertThrows(Exception.class, () -> json.readValue("{\"id\": 1, \"fired\": \"maybe\"}", StaffMember.class));
    }
}

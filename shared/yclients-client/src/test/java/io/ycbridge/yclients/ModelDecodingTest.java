package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.RecordClient;
import io.ycbridge.yclients.model.RecordService;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.StaffMember;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The models decode from every shape the API sends (yclients-api.md, the simulator's wire format) and refuse every
 * shape they should, exactly as Jackson's binding did while it still copied unknown fields aside: same values, and
 * the same exception, message, path and location.
 */
class ModelDecodingTest {
    private static final ObjectMapper JSON = ApiJson.mapper();
    // The binding as it was: built with unknown properties failing (so nothing marks them ignorable), then read with
    // that switched off, which makes Jackson buffer each unknown property and drop it after construction.
    private static final ObjectMapper BUFFERING = ApiJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    // A list-answer record as the simulator writes it: numbers as strings, visit_id as a string, three date forms,
    // an embedded staff object and other fields the model does not have.
    private static final String LIST_RECORD = """
            {"id": 100001, "company_id": "235564", "staff_id": 55,
             "services": [{"id": 301, "title": "Стрижка женская", "cost": 1500, "cost_to_pay": "1234.50",
                           "manual_cost": 1500, "cost_per_unit": 1500, "discount": 10.5, "first_cost": 1500, "amount": "2"}],
             "staff": {"id": 55, "name": "Анна Смирнова", "avatar": "https://yclients.com/images/no-master-sm.png", "rating": 4.9},
             "client": {"id": 4001, "name": "Анна", "phone": "+7 999 123-45-67", "email": "anna@example.com", "card": "x"},
             "date": "2027-01-01 09:00:00", "datetime": "2027-01-01T09:00:00+03:00", "create_date": "2026-11-20T12:00:00+0300",
             "comment": "", "online": false, "visit_attendance": 0, "attendance": -1, "confirmed": 1, "seance_length": 3600,
             "length": 3600, "visit_id": "700012", "deleted": false, "paid_full": 0, "payment_status": 0, "prepaid": false,
             "last_change_date": "2026-11-20T12:00:00+0300", "custom_fields": [], "record_labels": [], "api_id": ""}
            """;

    @Test
    void everyFieldLandsInItsComponent() throws Exception {
        Record record = JSON.readValue("""
                {"api_id": "a", "custom_fields": {"k": 1}, "last_change_date": "2026-01-05 05:05:05", "create_date": "2026-01-04 04:04:04",
                 "comment": "c", "online": true, "deleted": false, "visit_id": 77, "payment_status": 6, "paid_full": 5,
                 "confirmed": 4, "visit_attendance": 3, "attendance": 2, "seance_length": 1, "datetime": "2026-01-02T02:02:02Z",
                 "date": "2026-01-01 01:01:01", "client": {"email": "e", "phone": "p", "name": "n", "id": 9},
                 "services": [{"cost_to_pay": 8, "amount": 7, "discount": 6, "first_cost": 5, "manual_cost": 4, "cost": 3,
                               "title": "t", "id": 2}],
                 "staff_id": 3, "company_id": 2, "id": 1}
                """, Record.class);
        assertEquals(new Record(1, 2, 3L,
                List.of(new RecordService(2, "t", new BigDecimal(3), new BigDecimal(4), new BigDecimal(5), new BigDecimal(6), 7,
                        new BigDecimal(8))),
                new RecordClient(9L, "n", "p", "e"),
                new ApiTimestamp(LocalDateTime.of(2026, 1, 1, 1, 1, 1), null),
                new ApiTimestamp(LocalDateTime.of(2026, 1, 2, 2, 2, 2), ZoneOffset.UTC),
                1, 2, 3, 4, 5, 6, "77", false, true, "c",
                new ApiTimestamp(LocalDateTime.of(2026, 1, 4, 4, 4, 4), null),
                new ApiTimestamp(LocalDateTime.of(2026, 1, 5, 5, 5, 5), null),
                JSON.readTree("{\"k\": 1}"), "a"), record);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            LIST_RECORD,
            // A single-record answer or webhook body: visit_id a number, custom_fields an object, finance_transactions.
            """
            {"id": 9001, "company_id": 235564, "staff_id": 55, "visit_id": 7001,
             "services": [{"id": 301, "title": "Haircut", "cost": 1500, "manual_cost": 1500, "first_cost": 1500,
                           "discount": 0, "amount": 1}],
             "client": {"id": 4001, "name": "Anna", "phone": 70001234567, "email": ""},
             "date": "2026-11-20 12:00:00", "datetime": "2026-11-20T12:00:00+03:00", "seance_length": 3600,
             "attendance": 1, "visit_attendance": 1, "confirmed": 1, "paid_full": 1, "deleted": false,
             "create_date": "2026-11-18T09:10:11+0300", "last_change_date": "2026-11-20T13:05:00+0300",
             "custom_fields": {"instagram": "x", "tags": [1, {"a": null}]}, "finance_transactions": []}
            """,
            // Flags and numbers in every spelling the API uses.
            """
            {"id": "17", "company_id": 2, "staff_id": "55", "deleted": "1", "online": "true", "attendance": "-1",
             "visit_attendance": "2", "confirmed": "1", "paid_full": "0", "seance_length": 3600.0, "payment_status": ""}
            """,
            """
            {"id": 18, "company_id": 2, "deleted": 0, "online": "", "services": [], "client": {}, "comment": 12, "visit_id": 7.5}
            """,
            // Nulls, each through its type's own null handling (NullNode for custom_fields, 0 for the primitive ids).
            """
            {"id": null, "company_id": null, "staff_id": null, "services": null, "client": null, "date": null,
             "datetime": null, "seance_length": null, "attendance": null, "deleted": null, "online": null, "comment": null,
             "create_date": null, "last_change_date": null, "custom_fields": null, "visit_id": null}
            """,
            // Everything missing.
            "{}",
            // "Never" and blank dates, and the rarer date forms.
            """
            {"id": 19, "company_id": 2, "date": "2019-07-21", "datetime": "2019-07-21T12:27:06.250+0300",
             "create_date": "0000-00-00 00:00:00", "last_change_date": "", "services": [{"id": 1}, {"id": 2, "cost": null}]}
            """,
            """
            {"id": 20, "company_id": 2, "date": " 2019-07-21 12:00:00 ", "datetime": "2019-07-21T12:27:06+05",
             "create_date": "2019-07-21T09:27:06Z", "last_change_date": "2019-07-21 12:00"}
            """,
            // Unknown fields of every shape, before, between and after the known ones, at every level.
            """
            {"x_object": {"a": {"b": [1, 2, {"c": "d"}]}}, "id": 21, "x_array": [[], [[]], [{}]], "company_id": 2,
             "x_null": null, "x_true": true, "x_big": 1e999999, "x_long": 123456789012345678901234567890,
             "x_text": "\\"quoted\\" \\u0416", "services": [{"x": {"y": [1]}, "id": 3, "z": []}],
             "client": {"x": [], "id": 4, "y": {"z": 1}}, "x_last": {"k": [null]}}
            """,
            // A repeated field: the last one wins.
            """
            {"id": 22, "company_id": 2, "comment": "first", "comment": "second", "deleted": true, "deleted": false}
            """})
    void recordsDecodeAsBefore(String json) throws Exception {
        assertEquals(BUFFERING.readerFor(Record.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json),
                JSON.readValue(json, Record.class));
        // Webhook bodies arrive as trees.
        assertEquals(BUFFERING.readerFor(Record.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(JSON.readTree(json)),
                JSON.treeToValue(JSON.readTree(json), Record.class));
    }

    @Test
    void absentAndNullCustomFieldsStayDistinguishable() throws Exception {
        assertNull(JSON.readValue("{\"id\": 1}", Record.class).customFields());
        assertTrue(JSON.readValue("{\"id\": 1, \"custom_fields\": null}", Record.class).customFields().isNull());
        Record empty = JSON.readValue("{}", Record.class);
        assertEquals(0, empty.id());
        assertEquals(List.of(), empty.services());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\": \"abc\"}",
            "{\"id\": true}",
            "{\"id\": {}}",
            "{\"id\": [1]}",
            "{\"id\": 1, \"company_id\": 99999999999999999999}",
            "{\"id\": 1, \"attendance\": 99999999999}",
            "{\"id\": 1, \"attendance\": \"often\"}",
            "{\"id\": 1, \"confirmed\": true}",
            "{\"id\": 1, \"date\": \"yesterday\"}",
            "{\"id\": 1, \"datetime\": \"2019-07-21T25:00:00\"}",
            "{\"id\": 1, \"last_change_date\": \"21.07.2019 12:00\"}",
            "{\"id\": 1, \"deleted\": \"maybe\"}",
            "{\"id\": 1, \"online\": []}",
            "{\"id\": 1, \"comment\": {\"a\": 1}}",
            "{\"x\": {}, \"id\": 1, \"client\": \"x\"}",
            "{\"id\": 1, \"client\": [1]}",
            "{\"id\": 1, \"client\": {\"x\": [1], \"id\": \"abc\"}}",
            "{\"id\": 1, \"client\": {\"phone\": {\"number\": 1}}}",
            "{\"id\": 1, \"services\": \"x\"}",
            "{\"id\": 1, \"services\": [1]}",
            "{\"id\": 1, \"services\": [null]}",
            "{\"id\": 1, \"services\": [{\"id\": 1, \"cost\": \"free\"}]}",
            "{\"id\": 1, \"services\": [{\"id\": 1}, {\"x\": 1, \"id\": 2, \"amount\": \"two\"}]}",
            "\"a record\"",
            "[1]",
            "42"})
    void malformedRecordsFailAsBefore(String json) throws Exception {
        ObjectReader before = BUFFERING.readerFor(Record.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        assertSameFailure(assertThrows(JsonMappingException.class, () -> before.readValue(json)),
                assertThrows(JsonMappingException.class, () -> JSON.readValue(json, Record.class)));
        assertSameFailure(assertThrows(JsonMappingException.class, () -> before.readValue(JSON.readTree(json))),
                assertThrows(JsonMappingException.class, () -> JSON.treeToValue(JSON.readTree(json), Record.class)));
    }

    @Test
    void aBadValueInAPageIsReportedWithItsIndexAndField() {
        String page = "{\"success\": true, \"data\": [" + LIST_RECORD + ", " + LIST_RECORD.replace("\"2027-01-01 09:00:00\"", "\"soon\"")
                + "], \"meta\": {\"total_count\": 2}}";
        JavaType envelope = JSON.getTypeFactory().constructParametricType(Envelope.class,
                JSON.getTypeFactory().constructCollectionType(List.class, Record.class));
        JsonMappingException now = assertThrows(JsonMappingException.class, () -> JSON.readValue(page, envelope));
        assertSameFailure(assertThrows(JsonMappingException.class,
                () -> BUFFERING.readerFor(envelope).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(page)), now);
        // What the client's "did not decode at …" message names: the field, never the value.
        assertTrue(now.getPathReference().endsWith("[\"data\"]->java.util.ArrayList[1]->io.ycbridge.yclients.model.Record[\"date\"]"),
                now.getPathReference());
    }

    @Test
    void aWholePageDecodesAsBefore() throws Exception {
        StringBuilder page = new StringBuilder("{\"success\": true, \"data\": [");
        for (int i = 0; i < 50; i++) {
            page.append(i == 0 ? "" : ",").append(LIST_RECORD.replace("100001", Integer.toString(100001 + i)));
        }
        page.append("], \"meta\": {\"page\": 1, \"total_count\": 50}}");
        JavaType envelope = JSON.getTypeFactory().constructParametricType(Envelope.class,
                JSON.getTypeFactory().constructCollectionType(List.class, Record.class));
        Envelope<List<Record>> decoded = JSON.readValue(page.toString(), envelope);
        assertEquals(BUFFERING.readerFor(envelope).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(page.toString()),
                decoded);
        assertEquals(50, decoded.data().size());
        assertEquals(new BigDecimal("1234.50"), decoded.data().getLast().services().getFirst().costToPay());
    }

    @Test
    void theOtherModelsDecodeAsBefore() throws Exception {
        // As the simulator lists them: extra fields, numbers and flags as strings.
        assertDecodesAsBefore(StaffMember.class, """
                {"id": 55, "name": "Анна", "company_id": 235564, "specialization": "Парикмахер", "avatar": "a.png",
                 "avatar_big": "b.png", "rating": 4.9, "fired": 0, "hidden": "0", "bookable": true, "status": 0}
                """);
        assertDecodesAsBefore(Service.class, """
                {"id": 301, "title": "Стрижка", "category_id": 7, "price_min": "1500.00", "price_max": "1500.00",
                 "duration": 3600, "active": "1", "weight": 1, "comment": "", "api_id": "",
                 "staff": [{"id": 55, "seance_length": 3600, "image_url": ""}, {"id": 56, "seance_length": 2700}]}
                """);
        assertDecodesAsBefore(Company.class, """
                {"id": "235564", "title": "Салон", "timezone": 3, "timezone_name": "Europe/Moscow", "country": "Россия",
                 "city": "Москва", "active": "1", "coordinate_lat": 55.75, "schedule": {"mon": ["10:00", "21:00"]}}
                """);
    }

    /** timezone is hours in live answers and a zone name in the reference's GET /company/{id}: both give the zone. */
    @Test
    void aCompanysZoneComesFromEitherShapeOfTimezone() throws Exception {
        assertEquals(java.time.ZoneId.of("Europe/Moscow"), JSON.readValue("""
                {"id": 37532, "title": "Новая компания", "country_id": 1, "country": "Россия", "timezone": "Europe/Moscow"}
                """, Company.class).zone().orElseThrow());
        assertEquals(java.time.ZoneOffset.ofHours(3), JSON.readValue("{\"id\": 1, \"timezone\": 3}", Company.class).zone().orElseThrow());
        assertEquals(java.time.ZoneOffset.ofHours(12), JSON.readValue("{\"id\": 1, \"timezone\": \"12\"}", Company.class).zone().orElseThrow());
        assertEquals(java.time.ZoneId.of("Asia/Almaty"), JSON.readValue("{\"id\": 1, \"timezone\": 5, \"timezone_name\": \"Asia/Almaty\"}",
                Company.class).zone().orElseThrow(), "the name wins over the hours");
        assertTrue(JSON.readValue("{\"id\": 1, \"timezone\": \"soon\"}", Company.class).zone().isEmpty());
        assertEquals("+7 916 684-41-22", JSON.readValue("{\"id\": 1, \"phone\": \"+7 916 684-41-22\"}", Company.class).phone());
    }

    @Test
    void brokenTextInsideAnUnknownFieldStillFailsAsBefore() {
        // Skipping still reads the text as far as JSON requires: bytes that are not UTF-8 are refused as before.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"id\": 7, \"x\": {\"y\": \"".getBytes(StandardCharsets.UTF_8));
        body.write(0xC3);
        body.write(0x28);
        body.writeBytes("\"}, \"company_id\": 2}".getBytes(StandardCharsets.UTF_8));
        JsonParseException now = assertThrows(JsonParseException.class, () -> JSON.readValue(body.toByteArray(), Record.class));
        JsonParseException before = assertThrows(JsonParseException.class, () -> BUFFERING.readerFor(Record.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body.toByteArray()));
        assertEquals(before.getOriginalMessage(), now.getOriginalMessage());
    }

    @Test
    void aCopyThatFailsOnUnknownFieldsStillDoes() {
        // The skipping is decided per mapper when its deserializers are built; a copy builds its own.
        assertThrows(UnrecognizedPropertyException.class, () -> BUFFERING.readValue("{\"id\": 1, \"x\": 2}", Record.class));
    }

    private static <T> void assertDecodesAsBefore(Class<T> type, String json) throws Exception {
        assertEquals(BUFFERING.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json),
                JSON.readValue(json, type));
    }

    private static void assertSameFailure(JsonMappingException expected, JsonMappingException actual) {
        assertEquals(expected.getClass(), actual.getClass(), actual.getMessage());
        assertEquals(expected.getOriginalMessage(), actual.getOriginalMessage());
        assertEquals(expected.getPathReference(), actual.getPathReference());
        assertEquals(Objects.toString(expected.getLocation()), Objects.toString(actual.getLocation()));
    }
}

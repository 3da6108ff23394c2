package io.ycbridge.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.model.Record;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordNormalizerTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final String FULL = """
            {"id": 9001, "company_id": 235564, "staff_id": 55, "visit_id": "7001",
             "services": [{"id": 301, "title": "Haircut", "cost": 1500, "manual_cost": 1500, "first_cost": 1500, "discount": 0, "amount": 1},
                          {"id": 302, "title": "Beard", "cost": "499.50", "amount": 2}],
             "client": {"id": 4001, "name": "Anna", "phone": 79990000000, "email": ""},
             "date": "2026-11-20 12:00:00", "datetime": "2026-11-20T12:00:00+03:00", "seance_length": 3600,
             "attendance": 1, "visit_attendance": 1, "confirmed": 1, "paid_full": 1, "deleted": false,
             "create_date": "2026-11-18T09:10:11+0300", "last_change_date": "2026-11-20T13:05:00+0300"}
            """;

    private final RecordNormalizer normalizer = RecordNormalizer.russia();

    @Test
    void aFullRecordBecomesACompleteStoredRecord() throws Exception {
        StoredRecord stored = normalizer.normalize(parse(FULL), MOSCOW, RecordSource.WEBHOOK);

        assertEquals(235564, stored.companyId());
        assertEquals(9001, stored.recordId());
        assertEquals(Instant.parse("2026-11-20T10:05:00Z"), stored.changedAt());
        assertEquals("+79990000000", stored.clientPhoneE164(), "a phone sent as a JSON number");
        assertEquals(4001L, stored.clientId());
        assertEquals(55L, stored.staffId());
        assertTrue(stored.came());
        assertTrue(stored.paidFull());
        assertEquals(List.of(new StoredService(301, "Haircut", new BigDecimal("1500"), 1),
                new StoredService(302, "Beard", new BigDecimal("499.5"), 2)), stored.services());
        assertEquals(new BigDecimal("1999.50"), stored.total());
        assertEquals(OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), stored.startsAt());
        assertEquals(Duration.ofHours(1), stored.seanceLength());
        assertEquals("7001", stored.visitId());
        assertFalse(stored.deleted());
        assertFalse(stored.incomplete());
        assertEquals(RecordSource.WEBHOOK, stored.source());
    }

    @Test
    void aRecordWithoutAClientIsCompleteWithoutOne() throws Exception {
        ObjectNode json = json(FULL);
        json.putNull("client");

        StoredRecord stored = normalizer.normalize(parse(json), MOSCOW, RecordSource.SYNC);

        assertNull(stored.clientId());
        assertNull(stored.clientPhone());
        assertFalse(stored.incomplete());
    }

    @Test
    void missingFieldsMarkTheRecordIncomplete() throws Exception {
        for (String field : List.of("staff_id", "datetime", "seance_length", "paid_full")) {
            ObjectNode json = json(FULL);
            json.remove(field);
            if (field.equals("datetime")) {
                json.remove("date");
            }
            assertTrue(normalizer.normalize(parse(json), MOSCOW, RecordSource.WEBHOOK).incomplete(), "without " + field);
        }
        ObjectNode noAttendance = json(FULL);
        noAttendance.remove("attendance");
        assertFalse(normalizer.normalize(parse(noAttendance), MOSCOW, RecordSource.WEBHOOK).incomplete(), "visit_attendance stands in");
        noAttendance.remove("visit_attendance");
        assertTrue(normalizer.normalize(parse(noAttendance), MOSCOW, RecordSource.WEBHOOK).incomplete());
    }

    @Test
    void aServiceWithoutCostCountsAsZeroAndMarksIncomplete() throws Exception {
        ObjectNode json = json(FULL);
        ((ObjectNode) json.withArray("services").get(0)).remove("cost");

        StoredRecord stored = normalizer.normalize(parse(json), MOSCOW, RecordSource.WEBHOOK);

        assertTrue(stored.incomplete());
        assertEquals(new BigDecimal("0.00"), stored.services().get(0).cost());
    }

    @Test
    void aLocalTimeWithoutOffsetIsReadInTheCompanyZone() throws Exception {
        ObjectNode json = json(FULL);
        json.remove("datetime");
        json.put("last_change_date", "2026-11-20 13:05:00");

        StoredRecord stored = normalizer.normalize(parse(json), ZoneId.of("Asia/Yekaterinburg"), RecordSource.WEBHOOK);

        assertEquals(OffsetDateTime.parse("2026-11-20T12:00:00+05:00"), stored.startsAt());
        assertEquals(Instant.parse("2026-11-20T08:05:00Z"), stored.changedAt());
    }

    @Test
    void anUnusablePhoneIsDroppedButTheClientIdKept() throws Exception {
        ObjectNode json = json(FULL);
        ((ObjectNode) json.get("client")).put("phone", "12345");

        StoredRecord stored = normalizer.normalize(parse(json), MOSCOW, RecordSource.WEBHOOK);

        assertNull(stored.clientPhone());
        assertEquals(4001L, stored.clientId());
        assertFalse(stored.incomplete());
    }

    /** A Ukrainian branch and a Russian salon in one deployment: each company's domestic numbers in its own country. */
    @ParameterizedTest(name = "{1} of company {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1169323 | '"0671112233"'       | +380671112233
            1169323 | '"067 111-22-33"'    | +380671112233
            1169323 | 380671112233         | +380671112233
            1169323 | '"+7 916 123-45-67"' | +79161234567
            1169323 | '"+44 20 7946 0958"' | +442079460958
            235564  | '"8 916 123 45 67"'  | +79161234567
            235564  | 79161234567          | +79161234567
            235564  | 380671112233         | +380671112233
            235564  | '"0044 20 7946 0958"'| +442079460958
            """)
    void eachCompanysPhonesAreReadInItsRegion(long company, String phoneJson, String e164) throws Exception {
        RecordNormalizer regional = new RecordNormalizer(new PhoneRegions(PhoneNormalizer.russia(),
                Map.of(1169323L, PhoneNormalizer.forRegion("UA")), id -> Optional.empty(), Clock.systemUTC(),
                new DecisionLog("test", line -> { }, Clock.systemUTC())));
        String json = FULL.replace("235564", Long.toString(company)).replace("79990000000", phoneJson);

        StoredRecord stored = regional.normalize(company, ApiJson.mapper().readValue(json, Record.class), MOSCOW, RecordSource.WEBHOOK);

        assertEquals(e164, stored.clientPhoneE164());
    }

    /**
     * Why the company's region matters: read in Russia, a Ukrainian domestic number is a possible (ten digits, not
     * valid) +7 number, and the possible-not-valid policy keeps it; only the right region gives the client's phone.
     */
    @Test
    void aDomesticNumberOfAnotherCountryNeedsThatCountrysRegion() throws Exception {
        String json = FULL.replace("79990000000", "\"0671112233\"");

        assertEquals("+70671112233", normalizer.normalize(parse(json(json)), MOSCOW, RecordSource.WEBHOOK).clientPhoneE164());
        assertEquals("+380671112233", new RecordNormalizer(PhoneNormalizer.forRegion("UA"))
                .normalize(parse(json(json)), MOSCOW, RecordSource.WEBHOOK).clientPhoneE164());
    }

    @Test
    void aDeletedRecordIsMarkedDeleted() throws Exception {
        ObjectNode json = json(FULL);
        json.put("deleted", 1);

        assertTrue(normalizer.normalize(parse(json), MOSCOW, RecordSource.WEBHOOK).deleted());
    }

    @Test
    void withoutAChangeDateTheCreationDateIsTheVersionAndTheRecordIncomplete() throws Exception {
        ObjectNode json = json(FULL);
        json.remove("last_change_date");

        StoredRecord stored = normalizer.normalize(parse(json), MOSCOW, RecordSource.WEBHOOK);

        assertEquals(Instant.parse("2026-11-18T06:10:11Z"), stored.changedAt());
        assertTrue(stored.incomplete());
    }

    @Test
    void withoutAnyVersionTheRecordIsRefusedNamingTheField() throws Exception {
        ObjectNode json = json(FULL);
        json.remove("last_change_date");
        json.remove("create_date");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> normalizer.normalize(parse(json), MOSCOW, RecordSource.WEBHOOK));
        assertTrue(refused.getMessage().contains("last_change_date"), refused.getMessage());
    }

    @Test
    void theEnvelopesCompanyIdStandsInForAMissingOne() throws Exception {
        ObjectNode json = json(FULL);
        json.remove("company_id");

        assertEquals(235564, normalizer.normalize(235564, parse(json), MOSCOW, RecordSource.WEBHOOK).companyId());
        assertThrows(IllegalArgumentException.class, () -> normalizer.normalize(parse(json), MOSCOW, RecordSource.WEBHOOK));
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) ApiJson.mapper().readTree(text);
    }

    private static Record parse(String text) throws Exception {
        return ApiJson.mapper().readValue(text, Record.class);
    }

    private static Record parse(ObjectNode json) throws Exception {
        return ApiJson.mapper().treeToValue(json, Record.class);
    }
}

package io.ycbridge.record;

import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.table.TableDefinitions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB item of a {@link StoredRecord}, both ways. Absent values are absent attributes (not NULL), numbers are
 * DynamoDB numbers (money exact, as decimal strings), {@code starts_at} is ISO-8601 with the booking's offset.
 * Attribute names are snake_case like the API's, so a stream image reads like the record it came from. Public for
 * the stream's consumers: bonus accrual decodes its old and new images with {@link #fromItem}.
 */
public final class RecordItem {
    public static final String COMPANY_ID = TableDefinitions.RECORDS.partitionKey().name();
    public static final String RECORD_ID = TableDefinitions.RECORDS.sortKey().name();
    public static final String CHANGED_AT = TableDefinitions.RECORDS.globalIndexes().getFirst().sortKey().name();
    public static final String DELETED = "deleted";
    public static final String INCOMPLETE = "incomplete";
    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_PHONE = "client_phone";
    public static final String STAFF_ID = "staff_id";
    public static final String ATTENDANCE = "attendance";
    public static final String PAID_FULL = "paid_full";
    public static final String SERVICES = "services";
    public static final String STARTS_AT = "starts_at";
    /** The start as epoch milliseconds: the sort key of the by-phone index, where texts with offsets would not sort. */
    public static final String STARTS_AT_MS = TableDefinitions.RECORDS.globalIndexes().get(1).sortKey().name();
    public static final String SEANCE_LENGTH = "seance_length";
    public static final String VISIT_ID = "visit_id";
    public static final String SOURCE = "source";
    /** The store's write counter: +1 on every write, so consumers order versions even within one change second. */
    public static final String REVISION = "revision";
    /** A fingerprint of what a version says (see {@link RecordContent}): tells a repeat from a same-second change. */
    public static final String CONTENT = "content";
    /** The version was made up (a delivery without one); any version read from the API replaces it. */
    public static final String PLACEHOLDER = "placeholder";
    /** Attributes a version may lack; a write of a version without them removes what an older one had. */
    static final java.util.List<String> OPTIONAL = java.util.List.of("client_id", "client_phone", "staff_id", "starts_at", STARTS_AT_MS,
            "seance_length", "visit_id", PLACEHOLDER);
    private static final String SERVICE_ID = "id";
    private static final String SERVICE_TITLE = "title";
    private static final String SERVICE_COST = "cost";
    private static final String SERVICE_AMOUNT = "amount";

    private RecordItem() {
    }

    public static Map<String, AttributeValue> key(long companyId, long recordId) {
        return Map.of(COMPANY_ID, number(companyId), RECORD_ID, number(recordId));
    }

    public static Map<String, AttributeValue> toItem(StoredRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(24);
        item.put(COMPANY_ID, number(record.companyId()));
        item.put(RECORD_ID, number(record.recordId()));
        item.put(CHANGED_AT, number(record.changedAt().toEpochMilli()));
        item.put(DELETED, AttributeValue.fromBool(record.deleted()));
        item.put(INCOMPLETE, AttributeValue.fromBool(record.incomplete()));
        item.put(ATTENDANCE, number(record.attendance()));
        item.put(PAID_FULL, AttributeValue.fromBool(record.paidFull()));
        item.put(SOURCE, AttributeValue.fromS(record.source().name()));
        item.put(CONTENT, AttributeValue.fromS(RecordContent.fingerprint(record)));
        if (record.clientId() != null) {
            item.put(CLIENT_ID, number(record.clientId()));
        }
        if (record.clientPhone() != null) {
            item.put(CLIENT_PHONE, AttributeValue.fromS(record.clientPhone().e164()));
        }
        if (record.staffId() != null) {
            item.put(STAFF_ID, number(record.staffId()));
        }
        if (record.startsAt() != null) {
            item.put(STARTS_AT, AttributeValue.fromS(record.startsAt().toString()));
            item.put(STARTS_AT_MS, number(record.startsAt().toInstant().toEpochMilli()));
        }
        if (record.seanceLength() != null) {
            item.put(SEANCE_LENGTH, number(record.seanceLength().toSeconds()));
        }
        if (record.visitId() != null) {
            item.put(VISIT_ID, AttributeValue.fromS(record.visitId()));
        }
        List<AttributeValue> services = new ArrayList<>(record.services().size());
        for (StoredService service : record.services()) {
            services.add(AttributeValue.fromM(Map.of(
                    SERVICE_ID, number(service.id()),
                    SERVICE_TITLE, AttributeValue.fromS(service.title()),
                    SERVICE_COST, AttributeValue.fromN(service.cost().toPlainString()),
                    SERVICE_AMOUNT, number(service.amount()))));
        }
        item.put(SERVICES, AttributeValue.fromL(services));
        return item;
    }

    public static StoredRecord fromItem(Map<String, AttributeValue> item) {
        List<StoredService> services = new ArrayList<>();
        AttributeValue list = item.get(SERVICES);
        if (list != null && list.hasL()) {
            for (AttributeValue value : list.l()) {
                Map<String, AttributeValue> line = value.m();
                services.add(new StoredService(
                        Long.parseLong(line.get(SERVICE_ID).n()),
                        line.containsKey(SERVICE_TITLE) ? line.get(SERVICE_TITLE).s() : "",
                        new BigDecimal(line.get(SERVICE_COST).n()),
                        Integer.parseInt(line.get(SERVICE_AMOUNT).n())));
            }
        }
        return new StoredRecord(
                longOf(item, COMPANY_ID),
                longOf(item, RECORD_ID),
                changedAt(item),
                boolOf(item, DELETED),
                longOrNull(item, CLIENT_ID),
                item.containsKey(CLIENT_PHONE) ? new PhoneNumber(item.get(CLIENT_PHONE).s()) : null,
                longOrNull(item, STAFF_ID),
                item.containsKey(ATTENDANCE) ? Integer.parseInt(item.get(ATTENDANCE).n()) : 0,
                boolOf(item, PAID_FULL),
                services,
                item.containsKey(STARTS_AT) ? OffsetDateTime.parse(item.get(STARTS_AT).s()) : null,
                item.containsKey(SEANCE_LENGTH) ? Duration.ofSeconds(Long.parseLong(item.get(SEANCE_LENGTH).n())) : null,
                item.containsKey(VISIT_ID) ? item.get(VISIT_ID).s() : null,
                boolOf(item, INCOMPLETE),
                item.containsKey(SOURCE) ? RecordSource.valueOf(item.get(SOURCE).s()) : RecordSource.SYNC);
    }

    /** The store's write counter of an item or stream image; 0 for one written before the counter existed. */
    public static long revision(Map<String, AttributeValue> item) {
        AttributeValue value = item == null ? null : item.get(REVISION);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    static Instant changedAt(Map<String, AttributeValue> item) {
        return Instant.ofEpochMilli(longOf(item, CHANGED_AT));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    private static Long longOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Long.valueOf(value.n());
    }

    /** A boolean attribute, false when absent: the stored flags are written only as true or false. */
    static boolean boolOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}

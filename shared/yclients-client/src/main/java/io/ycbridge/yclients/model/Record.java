package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.yclients.ApiTimestamp;
import java.util.List;

/**
 * A record (booking / visit). {@code attendance}: 1 the client came, 0 waiting, -1 did not come, 2 confirmed.
 * {@code last_change_date} is the record's natural version. {@code visit_id} is a string on list endpoints and a
 * number on single-record ones, so it is kept as a string.
 */
public record Record(
        long id,
        @JsonProperty("company_id") long companyId,
        @JsonProperty("staff_id") Long staffId,
        List<RecordService> services,
        RecordClient client,
        ApiTimestamp date,
        ApiTimestamp datetime,
        @JsonProperty("seance_length") Integer seanceLength,
        Integer attendance,
        @JsonProperty("visit_attendance") Integer visitAttendance,
        Integer confirmed,
        @JsonProperty("paid_full") Integer paidFull,
        @JsonProperty("payment_status") Integer paymentStatus,
        @JsonProperty("visit_id") String visitId,
        Boolean deleted,
        Boolean online,
        String comment,
        @JsonProperty("create_date") ApiTimestamp createDate,
        @JsonProperty("last_change_date") ApiTimestamp lastChangeDate,
        @JsonProperty("custom_fields") JsonNode customFields) {

    public Record {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A record known only by its ids, e.g. from a webhook delivered without {@code data}; every other field is absent. */
    public static Record identified(long id, long companyId) {
        return new Record(id, companyId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The same record at another version; for bodies that arrive without {@code last_change_date}. */
    public Record withLastChangeDate(ApiTimestamp version) {
        return new Record(id, companyId, staffId, services, client, date, datetime, seanceLength, attendance, visitAttendance,
                confirmed, paidFull, paymentStatus, visitId, deleted, online, comment, createDate, version, customFields);
    }

    /** The same record marked deleted: a "delete" webhook may carry a body that does not say so itself. */
    public Record asDeleted() {
        return new Record(id, companyId, staffId, services, client, date, datetime, seanceLength, attendance, visitAttendance,
                confirmed, paidFull, paymentStatus, visitId, true, online, comment, createDate, lastChangeDate, customFields);
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    @Override
    public String toString() {
        return "Record[id=" + id + ", companyId=" + companyId + ", lastChangeDate=" + lastChangeDate + "]";
    }
}

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
        @JsonProperty("custom_fields") JsonNode customFields,
        // Our own id of a booking made through book_record; "" or null on others.
        @JsonProperty("api_id") String apiId) {

    public Record {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    @Override
    public String toString() {
        return "Record[id=" + id + ", companyId=" + companyId + ", lastChangeDate=" + lastChangeDate + "]";
    }
}

package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ycbridge.yclients.ApiTimestamp;
import java.util.List;

/**
 * A record as the answer of a move ({@code PUT /book_record/{company_id}/{record_id}}) writes it: {@code date} is its new
 * start, company-local and without an offset in the reference's example ({@code "2016-05-20T14:30:00"}); {@code staff}
 * the embedded master, whose specialization this answer calls {@code spec} and so is not read.
 */
public record RescheduledRecord(
        long id,
        List<RecordService> services,
        StaffMember staff,
        ApiTimestamp date,
        @JsonProperty("create_date") ApiTimestamp createDate,
        Integer length,
        Boolean deleted,
        Boolean online,
        String comment,
        @JsonProperty("api_id") String apiId) {

    public RescheduledRecord {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}

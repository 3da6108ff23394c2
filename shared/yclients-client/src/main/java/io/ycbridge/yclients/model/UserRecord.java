package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ycbridge.yclients.ApiTimestamp;
import java.util.List;

/**
 * A booking as its user sees it ({@code GET /user/records/{record_id}/{record_hash}}): fewer fields than a
 * company's {@link Record}, and {@code length} where a record says {@code seance_length}. {@code rules} is what the
 * company lets the user do with it, read from the embedded {@code company} ({@link RecordRules#UNKNOWN} when the
 * answer had none); {@code staff} the embedded master. {@code attendance} as a {@link Record}'s: the example writes
 * {@code attendance}, the field table {@code visit_attendance}, and either is read.
 */
public record UserRecord(
        long id,
        List<RecordService> services,
        @JsonProperty("company") RecordRules rules,
        StaffMember staff,
        ApiTimestamp datetime,
        Integer length,
        @JsonAlias("visit_attendance") Integer attendance,
        Boolean deleted,
        Boolean online,
        String comment,
        @JsonProperty("api_id") String apiId,
        @JsonProperty("create_date") ApiTimestamp createDate,
        @JsonProperty("last_change_date") ApiTimestamp lastChangeDate) {

    public UserRecord {
        services = services == null ? List.of() : List.copyOf(services);
        rules = rules == null ? RecordRules.UNKNOWN : rules;
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}

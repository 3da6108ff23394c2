package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ycbridge.yclients.ApiTimestamp;
import java.util.List;

/**
 * A booking as its user sees it ({@code GET /user/records/{record_id}/{record_hash}}): fewer fields than a
 * company's {@link Record}, and {@code length} where a record says {@code seance_length}.
 */
public record UserRecord(
        long id,
        List<RecordService> services,
        ApiTimestamp datetime,
        Integer length,
        Boolean deleted,
        Boolean online,
        String comment,
        @JsonProperty("api_id") String apiId,
        @JsonProperty("create_date") ApiTimestamp createDate,
        @JsonProperty("last_change_date") ApiTimestamp lastChangeDate) {

    public UserRecord {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}

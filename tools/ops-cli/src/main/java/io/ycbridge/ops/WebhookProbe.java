package io.ycbridge.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The doctor's test delivery: a record event in the body shape YClients POSTs ({@code company_id}, {@code resource},
 * {@code resource_id}, {@code status}, {@code data} = the whole record). The record is made up and harmless: status
 * delete, {@code deleted: true}, no client, no services, so bonus accrual has nothing to pay and the app nothing to
 * show. Its {@code last_change_date} is the time of the run, so every run writes a newer version.
 */
final class WebhookProbe {
    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    private WebhookProbe() {
    }

    static String body(long companyId, long recordId, Instant version) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String at = API_TIME.format(version.atOffset(ZoneOffset.UTC));
        ObjectNode data = f.objectNode()
                .put("id", recordId)
                .put("company_id", companyId)
                .put("staff_id", 0)
                .put("date", version.atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' '))
                .put("datetime", at)
                .put("seance_length", 0)
                .put("attendance", 0)
                .put("visit_attendance", 0)
                .put("confirmed", 0)
                .put("paid_full", 0)
                .put("deleted", true)
                .put("comment", "ycbridge doctor test delivery")
                .put("create_date", at)
                .put("last_change_date", at);
        data.putArray("services");
        data.putNull("client");
        ObjectNode event = f.objectNode()
                .put("company_id", companyId)
                .put("resource", "record")
                .put("resource_id", recordId)
                .put("status", "delete");
        event.set("data", data);
        return event.toString();
    }
}

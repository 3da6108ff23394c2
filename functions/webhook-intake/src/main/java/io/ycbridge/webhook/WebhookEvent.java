package io.ycbridge.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** The envelope YClients posts: {@code {company_id, resource, resource_id, status, data}}. */
record WebhookEvent(long companyId, String resource, long resourceId, String status, JsonNode data) {

    boolean isRecord() {
        return "record".equals(resource);
    }

    boolean isDelete() {
        return "delete".equals(status);
    }
}

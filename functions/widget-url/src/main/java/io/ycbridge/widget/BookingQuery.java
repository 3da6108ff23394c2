package io.ycbridge.widget;

import io.ycbridge.http.HttpApiExchange;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTTP API v2 side of the app routes: who is calling, query parameters, JSON answers. */
final class HttpExchange {
    static final ObjectMapper JSON = ApiJson.mapper();
    private static final int MAX_SERVICES = 10;

    private HttpExchange() {
    }

    static String subject(APIGatewayV2HTTPEvent event) {
        return HttpApiExchange.subject(event);
    }

    static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return HttpApiExchange.query(event);
    }

    static String header(APIGatewayV2HTTPEvent event, String name) {
        return HttpApiExchange.header(event, name);
    }

    static long company(Map<String, String> query) {
        String text = query.get("company");
        if (text == null || text.isBlank()) {
            throw new RequestRefused(400, "company is required: the YClients company (branch) id");
        }
        return positiveId(text, "company");
    }

    /** {@code service=301,302}; HTTP API joins a repeated {@code service=} the same way. */
    static List<Long> services(Map<String, String> query) {
        String text = query.get("service");
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            long id = positiveId(part, "service");
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.size() > MAX_SERVICES) {
            throw new RequestRefused(400, "at most " + MAX_SERVICES + " services can be preselected");
        }
        return ids;
    }

    /** {@code staff=55}, or {@code staff=any} (also -1, the form's own code) for any master; absent: none chosen. */
    static StaffChoice staff(Map<String, String> query) {
        String text = query.get("staff");
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.equalsIgnoreCase("any") || value.equals("-1")) {
            return StaffChoice.ANY;
        }
        return StaffChoice.of(positiveId(value, "staff"));
    }

    private static long positiveId(String text, String name) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RequestRefused(400, name + " must be a positive numeric id" + ("staff".equals(name) ? " or 'any'" : ""));
    }

    static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        return HttpApiExchange.json(status, body, extraHeaders);
    }

    static APIGatewayV2HTTPResponse error(int status, String reason) {
        return HttpApiExchange.error(status, reason);
    }

    static String encode(Object body) {
        return HttpApiExchange.encode(body);
    }
}

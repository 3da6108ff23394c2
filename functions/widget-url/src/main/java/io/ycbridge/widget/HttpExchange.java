package io.ycbridge.widget;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTTP API v2 side of the app routes: who is calling, query parameters, JSON answers. */
final class HttpExchange {
    static final ObjectMapper JSON = ApiJson.mapper();
    private static final int MAX_SERVICES = 10;

    private HttpExchange() {
    }

    record Error(String error) {
    }

    /** The token subject from the JWT authorizer's verified claims; a header or parameter naming a user is never read. */
    static String subject(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return null;
        }
        String sub = context.getAuthorizer().getJwt().getClaims().get("sub");
        return sub == null || sub.isBlank() ? null : sub;
    }

    static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        // HTTP API lower-cases header names; a test or a local proxy may not.
        for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
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
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.putIfAbsent("content-type", "application/json");
        headers.putIfAbsent("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(encode(body)).build();
    }

    static APIGatewayV2HTTPResponse error(int status, String reason) {
        return json(status, new Error(reason), Map.of());
    }

    static String encode(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response did not encode", e);
        }
    }
}

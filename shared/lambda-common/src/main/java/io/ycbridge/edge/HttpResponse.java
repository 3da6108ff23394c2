package io.ycbridge.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ycbridge.yclients.ApiJson;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An app route's answer as API Gateway takes it (payload 2.0): a status, headers and a text body, which is null when
 * there is none (a 204 or 304). The factories give every route the same JSON answers, never cached unless the route
 * says so.
 */
public record HttpResponse(int status, Map<String, String> headers, String body) {
    public HttpResponse {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static HttpResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    /** {@code body} as the one mapper writes it; {@code extraHeaders} win over the defaults (content-type, cache-control). */
    public static HttpResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.putIfAbsent("content-type", "application/json");
        headers.putIfAbsent("cache-control", "no-store");
        return new HttpResponse(status, headers, encode(body));
    }

    /**
     * A refusal as an RFC 9457 problem, {@code application/problem+json}: {@code type} ({@link ProblemType}),
     * {@code title}, {@code status} and the reason as {@code detail}, which must not quote personal data.
     */
    public static HttpResponse error(int status, String reason) {
        return error(status, reason, Map.of());
    }

    /** The same with headers, such as a {@code Retry-After}. */
    public static HttpResponse error(int status, String reason, Map<String, String> extraHeaders) {
        return problem(status, reason, Map.of(), extraHeaders);
    }

    /**
     * A problem with extension members (RFC 9457, section 3.2) after the standard ones, such as the free times that
     * replace a taken one: what the app needs to act on the refusal without another request.
     */
    public static HttpResponse problem(int status, String reason, Map<String, ?> members, Map<String, String> extraHeaders) {
        Map<String, Object> problem = new LinkedHashMap<>();
        java.util.Optional<ProblemType> type = ProblemType.forStatus(status);
        problem.put("type", type.map(ProblemType::uri).orElse("about:blank"));
        problem.put("title", type.map(ProblemType::title).orElse("HTTP " + status));
        problem.put("status", status);
        problem.put("detail", reason);
        members.forEach(problem::putIfAbsent);
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.putIfAbsent("content-type", "application/problem+json");
        return json(status, problem, headers);
    }

    /** 204: done, nothing to say, and nothing to cache. */
    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of("cache-control", "no-store"), null);
    }

    /** {@code body} as the JSON text a {@link #json} answer carries: for a handler that needs the text itself (an ETag). */
    public static String encode(Object body) {
        try {
            return ApiJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response did not encode", e);
        }
    }
}

package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A status, headers and body bytes, ready to write. */
record ApiResponse(int status, Map<String, String> headers, byte[] body) {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String HTML_TYPE = "text/html; charset=utf-8";

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON_TYPE), Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse html(int status, String html) {
        return new ApiResponse(status, Map.of("Content-Type", HTML_TYPE), html.getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, more, body);
    }
}

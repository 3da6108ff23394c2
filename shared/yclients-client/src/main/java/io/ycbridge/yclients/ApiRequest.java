package io.ycbridge.yclients;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call: method, path relative to the base URL, query, optional JSON body, and whether it is safe to repeat.
 * Built by the client's methods, never by callers, so paths are known shapes without credentials in them.
 */
record ApiRequest(String method, String path, Map<String, String> query, Object body, boolean safe, boolean partnerOnly) {

    ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, true, false);
    }

    static ApiRequest get(String path, Map<String, String> query) {
        return new ApiRequest("GET", path, query, null, true, false);
    }

    /** A POST that only reads (e.g. client search): retried like a GET. */
    static ApiRequest readingPost(String path, Object body) {
        return new ApiRequest("POST", path, Map.of(), body, true, false);
    }

    static ApiRequest post(String path, Object body) {
        return new ApiRequest("POST", path, Map.of(), body, false, false);
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), null, false, false);
    }

    ApiRequest partnerTokenOnly() {
        return new ApiRequest(method, path, query, body, safe, true);
    }
}

package io.ycbridge.yclients;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call: method, path relative to the base URL, query, optional JSON body, whether it is safe to repeat, and
 * whether it is a booking user's change under the company's rules ({@link #underRecordRules()}). Built by the client's
 * methods, never by callers, so paths are known shapes without credentials in them.
 */
record ApiRequest(String method, String path, Map<String, String> query, Object body, boolean safe, boolean partnerOnly,
                  boolean recordRules) {

    ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, true, false, false);
    }

    static ApiRequest get(String path, Map<String, String> query) {
        return new ApiRequest("GET", path, query, null, true, false, false);
    }

    /** A POST that only reads (e.g. client search): retried like a GET. */
    static ApiRequest readingPost(String path, Object body) {
        return new ApiRequest("POST", path, Map.of(), body, true, false, false);
    }

    static ApiRequest post(String path, Object body) {
        return new ApiRequest("POST", path, Map.of(), body, false, false, false);
    }

    /** A PUT that sets a state rather than adding to one, so a repeat leaves the same state: retried like a GET. */
    static ApiRequest put(String path, Object body) {
        return new ApiRequest("PUT", path, Map.of(), body, true, false, false);
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), null, false, false, false);
    }

    ApiRequest partnerTokenOnly() {
        return new ApiRequest(method, path, query, body, safe, true, recordRules);
    }

    /**
     * A booking user's cancel or move, which the company's rules for records may refuse ({@code allow_delete_record},
     * {@code allow_change_record} and their delay steps): a 403 then is those rules, not the token's rights.
     */
    ApiRequest underRecordRules() {
        return new ApiRequest(method, path, query, body, safe, partnerOnly, true);
    }
}

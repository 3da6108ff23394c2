package io.ycbridge.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the simulator received it. {@code path} is relative to {@code /api/v1} (a request outside the
 * API keeps its full path); {@code query} holds decoded values, the first one where a name repeats; header
 * names are case-insensitive.
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
                              Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseless.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        headers = Collections.unmodifiableMap(caseless);
        body = body == null ? "" : body;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Every value of a header, by case-insensitive name. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }
}

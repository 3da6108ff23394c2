package io.ycbridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes as API Gateway matches them: method (or ANY) and path, where {@code {name}} takes one segment
 * and {@code {name+}} the rest; the most specific route wins (fewer variables, then longer paths), so a literal
 * {@code /v1/me/bonus} beats a {@code /v1/me/{id}}.
 */
final class RouteTable<T> {
    record Match<T>(String routeKey, Map<String, String> pathParameters, T target) {
    }

    private record Entry<T>(String method, String path, String[] segments, T target) {
        int variables() {
            int count = 0;
            for (String segment : segments) {
                if (segment.startsWith("{")) {
                    count++;
                }
            }
            return count;
        }
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    void add(String method, String path, T target) {
        entries.add(new Entry<>(method, path, split(path), target));
        entries.sort((a, b) -> a.variables() != b.variables() ? Integer.compare(a.variables(), b.variables())
                : Integer.compare(b.segments().length, a.segments().length));
    }

    Optional<Match<T>> match(String method, String path) {
        String[] actual = split(path);
        for (Entry<T> entry : entries) {
            if (!entry.method().equals("ANY") && !entry.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = matchPath(entry.segments(), actual);
            if (parameters != null) {
                return Optional.of(new Match<>(entry.method() + " " + entry.path(), parameters, entry.target()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchPath(String[] pattern, String[] actual) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String segment = pattern[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.length) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 2), String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length)));
                return parameters;
            }
            if (i >= actual.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return null;
            }
        }
        return pattern.length == actual.length ? parameters : null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}

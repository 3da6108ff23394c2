package io.ycbridge.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which companies were queued, and why each of the others was not. */
public record FanOutResult(List<Long> queued, Map<Long, String> failed) {
    public FanOutResult {
        queued = List.copyOf(queued);
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }
}

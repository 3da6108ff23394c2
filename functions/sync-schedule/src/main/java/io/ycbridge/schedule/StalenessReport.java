package io.ycbridge.schedule;

import java.util.List;

/**
 * One tick's staleness check: how many companies it judged, which are stale, and which it saw for the first time
 * (their first two cycles start now).
 */
public record StalenessReport(int checked, List<Long> stale, List<Long> firstSeen) {
    public StalenessReport {
        stale = List.copyOf(stale);
        firstSeen = List.copyOf(firstSeen);
    }
}

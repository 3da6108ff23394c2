package io.ycbridge.sync;

import io.ycbridge.record.UpsertOutcome;

/** What storing one page of records did, added up in the reading thread from pages written in parallel. */
record PageTally(int fetched, int created, int updated, int unchanged, int rejected) {
    static final PageTally NONE = new PageTally(0, 0, 0, 0, 0);

    PageTally plus(PageTally other) {
        return new PageTally(fetched + other.fetched, created + other.created, updated + other.updated,
                unchanged + other.unchanged, rejected + other.rejected);
    }

    static PageTally of(UpsertOutcome outcome) {
        return switch (outcome) {
            case CREATED -> new PageTally(0, 1, 0, 0, 0);
            case UPDATED -> new PageTally(0, 0, 1, 0, 0);
            case DUPLICATE, STALE, CONFLICT -> new PageTally(0, 0, 0, 1, 0);
        };
    }
}

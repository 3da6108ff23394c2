package io.ycbridge.catalog;

/** What one catalog sync of one kind did; {@link #writes()} items were written. */
public record KindCounts(int created, int updated, int deleted, int unchanged) {
    public static final KindCounts NONE = new KindCounts(0, 0, 0, 0);

    public int writes() {
        return created + updated + deleted;
    }

    public KindCounts plus(KindCounts other) {
        return new KindCounts(created + other.created, updated + other.updated, deleted + other.deleted, unchanged + other.unchanged);
    }
}

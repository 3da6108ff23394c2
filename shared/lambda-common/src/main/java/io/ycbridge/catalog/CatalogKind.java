package io.ycbridge.catalog;

/** What a catalog item is; the prefix of its sort key {@code <kind>#<id>}. */
public enum CatalogKind {
    SERVICE("service"),
    CATEGORY("category"),
    STAFF("staff");

    private final String key;

    CatalogKind(String key) {
        this.key = key;
    }

    /** The sort-key prefix and the name in summaries and logs. */
    public String key() {
        return key;
    }

    public String itemKey(long id) {
        return key + "#" + id;
    }
}

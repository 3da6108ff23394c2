package io.ycbridge.catalog;

import java.util.Objects;

/**
 * One catalog item as the API describes it now: its id and its body as canonical JSON. The body's hash is the item's
 * version, so an unchanged item is recognised without comparing fields one by one.
 */
public record CatalogEntry(long id, String json) {
    public CatalogEntry {
        Objects.requireNonNull(json, "json");
    }
}

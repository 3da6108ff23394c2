package io.ycbridge.catalog;

import java.time.Instant;

/** A stored catalog item: the last body the sync saw, and whether the item has since left the API's list. */
public record CatalogItem(long companyId, CatalogKind kind, long id, String json, String hash, boolean deleted, Instant syncedAt) {
}

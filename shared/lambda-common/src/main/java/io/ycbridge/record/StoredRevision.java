package io.ycbridge.record;

/**
 * The stored version of a record with the store's write counter ({@code revision}) of the write that put it there:
 * exactly what the stream's last image of the record carried, so a consumer re-deciding from the table orders it as
 * it would have ordered that image.
 */
public record StoredRevision(StoredRecord record, long revision) {
}

package io.ycbridge.sync;

/**
 * What a company's records sync did: {@code fetched} from the API; {@code created} and {@code updated} were written
 * (together: stored); {@code unchanged} were already there at that version or newer; {@code rejected} could not be
 * stored at all (no id or version) and were logged.
 */
public record RecordCounts(int fetched, int created, int updated, int unchanged, int rejected) {
    public static final RecordCounts NONE = new RecordCounts(0, 0, 0, 0, 0);

    public int stored() {
        return created + updated;
    }
}

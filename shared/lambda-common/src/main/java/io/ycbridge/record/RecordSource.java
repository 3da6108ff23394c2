package io.ycbridge.record;

/** Which path wrote a record version: kept on the item so an operator can tell where a state came from. */
public enum RecordSource {
    WEBHOOK,
    SYNC,
    REPLAY
}

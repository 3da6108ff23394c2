package io.ycbridge.bonus;

/**
 * One thing an owner decision read from UserLinksTable: the item {@code key} had {@code attribute} equal to
 * {@code expected} (null: the attribute or item was absent). The ledger write checks each fact in its transaction, so a
 * link made or ended after the read fails the write and the decision is made again: nobody is paid on a stale link.
 */
record LinkFact(String key, String attribute, String expected) {
}

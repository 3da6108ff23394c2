package io.ycbridge.loyalty;

import io.ycbridge.bonus.EntryKind;
import java.util.Locale;

/**
 * The title of a manual transaction we post: {@code "ycbridge:<entry id> <kind>"}. YClients' manual transaction has no
 * idempotency key, so the title is what tells, in the card's transactions, that an entry is already on it (and that a
 * transaction read back is ours, not a spend). The space after the id keeps one id from being a prefix of another.
 */
public final class CardTitle {
    static final String PREFIX = "ycbridge:";

    private CardTitle() {
    }

    public static String of(String entryId, EntryKind kind) {
        return PREFIX + entryId + " " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether a transaction's title is the one {@link #of} gives this entry. */
    public static boolean names(String title, String entryId) {
        return title != null && title.startsWith(PREFIX + entryId + " ");
    }

    /** Whether a transaction was posted by a ycbridge mirror at all. */
    public static boolean ours(String title) {
        return title != null && title.startsWith(PREFIX);
    }
}

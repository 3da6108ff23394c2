package io.ycbridge.event;

import io.ycbridge.record.StoredRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * Which event, if any, one stored change of a record is. A record is in one of four phases, and only a move between
 * phases, or a new start or master within the active phase, is news; everything else a version can change (a
 * confirmation, the client arriving before paying, the service lines in another order, a price, a comment) is not.
 *
 * <table>
 *   <tr><th>before → after</th><th>active</th><th>completed</th><th>cancelled</th></tr>
 *   <tr><td>absent</td><td>VisitBooked</td><td>VisitCompleted</td><td>—</td></tr>
 *   <tr><td>active</td><td>VisitRescheduled if start or master changed</td><td>VisitCompleted</td><td>VisitCancelled</td></tr>
 *   <tr><td>completed</td><td>—</td><td>—</td><td>VisitCancelled</td></tr>
 *   <tr><td>cancelled</td><td>VisitBooked</td><td>VisitCompleted</td><td>—</td></tr>
 * </table>
 *
 * <p>Duplicates and reordering never reach this: the records store refuses a version older than the one it holds and
 * writes nothing for a repeat, so the stream carries each forward change once, in order. A completed visit that stops
 * being paid is the ledger's news (BonusReversed), not the visit's.
 */
public final class VisitEventPolicy {
    /** Where a record stands, as the app cares. */
    enum Phase {
        /**
         * Not stored, or stored only as a placeholder the API has not filled in yet: the app was never told of it. (A
         * complete version the store marked deleted on a delivery without data is no placeholder here: see {@link VisitEvents}.)
         */
        ABSENT,
        /** Booked, confirmed, or the client has come but not paid in full. */
        ACTIVE,
        /** The client came and paid in full: what earns the bonus. */
        COMPLETED,
        /** Deleted in YClients, or marked as a no-show. */
        CANCELLED
    }

    private VisitEventPolicy() {
    }

    /**
     * @param before the version the store held, or null (an INSERT)
     * @param placeholderBefore {@code before} was a made-up placeholder (a delivery without data)
     * @param after the version stored now
     */
    public static Optional<EventType> change(StoredRecord before, boolean placeholderBefore, StoredRecord after,
                                             boolean placeholderAfter) {
        Phase from = placeholderBefore ? Phase.ABSENT : phase(before);
        Phase to = placeholderAfter ? Phase.ABSENT : phase(after);
        return switch (to) {
            case ABSENT -> Optional.empty();
            case ACTIVE -> switch (from) {
                case ABSENT, CANCELLED -> Optional.of(EventType.VISIT_BOOKED);
                case ACTIVE -> moved(before, after) ? Optional.of(EventType.VISIT_RESCHEDULED) : Optional.empty();
                case COMPLETED -> Optional.empty();
            };
            case COMPLETED -> from == Phase.COMPLETED ? Optional.empty() : Optional.of(EventType.VISIT_COMPLETED);
            case CANCELLED -> from == Phase.ACTIVE || from == Phase.COMPLETED ? Optional.of(EventType.VISIT_CANCELLED) : Optional.empty();
        };
    }

    static Phase phase(StoredRecord record) {
        if (record == null) {
            return Phase.ABSENT;
        }
        if (record.deleted() || record.attendance() == -1) {
            return Phase.CANCELLED;
        }
        return record.came() && record.paidFull() ? Phase.COMPLETED : Phase.ACTIVE;
    }

    /**
     * A new start (compared as instants: the same time written in another offset is no move) or a new master. A
     * version that does not say one of them (an incomplete body) does not move it.
     */
    private static boolean moved(StoredRecord before, StoredRecord after) {
        boolean start = before.startsAt() != null && after.startsAt() != null && !before.startsAt().isEqual(after.startsAt());
        boolean staff = before.staffId() != null && after.staffId() != null && !Objects.equals(before.staffId(), after.staffId());
        return start || staff;
    }
}

package io.ycbridge.app.visits;

import io.ycbridge.app.RequestRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the user may still cancel or move a visit, by the salon's own rules as the booking user's API reports them
 * ({@code allow_delete_record}, {@code allow_change_record} and their delay steps): checked before asking YClients, so
 * the app gets a reason it can show rather than the API's bare refusal. YClients decides again on its side.
 */
public final class VisitChangePolicy {
    private VisitChangePolicy() {
    }

    /** Cancel or move, in the words the refusals use. */
    public enum Change {
        CANCEL("cancel", "cancellations"),
        MOVE("move", "changes");

        private final String verb;
        private final String noun;

        Change(String verb, String noun) {
            this.verb = verb;
            this.noun = noun;
        }
    }

    /**
     * @param allowed    the salon's switch; null when the API did not say (then the API alone decides)
     * @param closesBefore how long before the start the salon stops taking them; null or zero: until the start
     */
    public static Optional<RequestRefused> refusal(Change change, Boolean allowed, Duration closesBefore, Instant start, Instant now) {
        if (!start.isAfter(now)) {
            return Optional.of(new RequestRefused(409, "the visit has begun or is over: it can no longer be " + (change == Change.CANCEL
                    ? "cancelled" : "moved")));
        }
        if (Boolean.FALSE.equals(allowed)) {
            return Optional.of(new RequestRefused(403, "the salon does not let visits be " + (change == Change.CANCEL ? "cancelled" : "moved")
                    + " online: call it"));
        }
        if (closesBefore != null && !closesBefore.isZero() && !now.isBefore(start.minus(closesBefore))) {
            return Optional.of(new RequestRefused(409, "the salon takes " + change.noun + " up to " + hours(closesBefore)
                    + " before the visit: it is too late to " + change.verb + " it online, call the salon"));
        }
        return Optional.empty();
    }

    private static String hours(Duration window) {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }
}

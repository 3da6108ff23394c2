package io.ycbridge.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Something going wrong on purpose, in the shapes the real API goes wrong. Arm faults through {@link Faults};
 * they hit after the request is recorded and before any check of headers or tokens.
 */
public sealed interface Fault {

    /** {@code {"success":false,"data":null,"meta":{"message":...}}} with this status. */
    static Fault status(int httpStatus, String message) {
        return new Status(httpStatus, Objects.requireNonNull(message, "message"));
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up. */
    static Fault rateLimited(Duration retryAfter) {
        return new RateLimited(retryAfter);
    }

    /** 503; use {@link #status(int, String)} for other 5xx answers. */
    static Fault serverError() {
        return new Status(503, null);
    }

    /** Waits, then answers normally; a closing simulator cuts the wait short. */
    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    /** A 302 to https://yclients.com/ with an HTML page, as a wrong base URL or missing credentials can produce. */
    static Fault htmlRedirect() {
        return new HtmlRedirect(302, URI.create("https://yclients.com/"));
    }

    static Fault htmlRedirect(int httpStatus) {
        return new HtmlRedirect(httpStatus, URI.create("https://yclients.com/"));
    }

    /** HTTP 200 whose body says {@code "success": false}: clients must check both. */
    static Fault successFalse(String message) {
        return new SuccessFalse(Objects.requireNonNull(message, "message"));
    }

    /**
     * The next records page after the first also carries the previous page's last item in front (one item more
     * than {@code count}); nothing is skipped. Offset paging over changing data does this to real clients.
     */
    static Fault duplicatePageItems() {
        return new DuplicatePageItems();
    }

    /**
     * Someone changes YClients' data (a cashier confirms a visit, say) just before a records page after the first is
     * answered, so that page is cut from the changed feed: a record that changed leaves a bounded window and every
     * later one moves up a place, as offset paging over live data does to real clients.
     */
    static Fault changeBeforeNextPage(Runnable change) {
        return new ChangeBeforeNextPage(Objects.requireNonNull(change, "change"));
    }

    /**
     * Someone else acts in YClients just before this request is handled (another client takes the time between our
     * {@code book_check} and {@code book_record}, say); then the request is answered normally.
     */
    static Fault changeBefore(Runnable change) {
        return new ChangeBefore(Objects.requireNonNull(change, "change"));
    }

    /**
     * The request is carried out (a booking is made, a record moved) and then its answer is lost: the client gets
     * this 5xx, as from a gateway that timed out after the write happened. The one failure after which a repeat may
     * do the work twice.
     */
    static Fault answerLost(int httpStatus) {
        return new AnswerLost(httpStatus);
    }

    /** Whether this fault can hit this request at all; a fault that cannot stays armed for a later one. */
    default boolean appliesTo(RecordedRequest request) {
        return true;
    }

    /** A null message means the usual text for the status, in the simulator's current language. */
    record Status(int httpStatus, String message) implements Fault {
        public Status {
            if (httpStatus < 200 || httpStatus > 599) {
                throw new IllegalArgumentException("not an error status a server sends: " + httpStatus);
            }
        }
    }

    record RateLimited(Duration retryAfter) implements Fault {
        public RateLimited {
            if (retryAfter == null || retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must be zero or positive: " + retryAfter);
            }
        }

        long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
        }
    }

    record Latency(Duration delay) implements Fault {
        public Latency {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delay must be zero or positive: " + delay);
            }
        }
    }

    record HtmlRedirect(int httpStatus, URI location) implements Fault {
        private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

        public HtmlRedirect {
            if (!REDIRECTS.contains(httpStatus)) {
                throw new IllegalArgumentException("not a redirect status: " + httpStatus);
            }
            Objects.requireNonNull(location, "location");
        }
    }

    record SuccessFalse(String message) implements Fault {
    }

    record ChangeBefore(Runnable change) implements Fault {
    }

    record AnswerLost(int httpStatus) implements Fault {
        public AnswerLost {
            if (httpStatus < 500 || httpStatus > 599) {
                throw new IllegalArgumentException("a lost answer is a 5xx, not " + httpStatus);
            }
        }
    }

    record DuplicatePageItems() implements Fault {
        /** Only a records list page after the first has a previous page to repeat from. */
        @Override
        public boolean appliesTo(RecordedRequest request) {
            return laterRecordsPage(request);
        }
    }

    record ChangeBeforeNextPage(Runnable change) implements Fault {
        @Override
        public boolean appliesTo(RecordedRequest request) {
            return laterRecordsPage(request);
        }
    }

    private static boolean laterRecordsPage(RecordedRequest request) {
        if (!"GET".equals(request.method()) || !request.path().startsWith("/records/")) {
            return false;
        }
        try {
            return Integer.parseInt(request.query().getOrDefault("page", "1").strip()) > 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

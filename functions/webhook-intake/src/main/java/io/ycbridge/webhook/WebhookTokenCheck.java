package io.ycbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Compares the URL's secret segment with the accepted tokens in constant time: the current one and, for a grace
 * period after {@code ops rotate-webhook-token}, the one it replaced. Both sides are hashed first, so neither the
 * position of the first difference nor a token's length shows in the timing, and every accepted token is compared.
 *
 * <p>A token that matches none may be the new one of a rotation this environment has not seen yet (the secret is
 * cached for minutes): the secret is read again then, at most once a {@link #REREAD_INTERVAL}, so a stranger's
 * guesses cost one secret read a minute and a rotated token is accepted at its first delivery.
 */
final class WebhookTokenCheck {
    static final Duration REREAD_INTERVAL = Duration.ofMinutes(1);

    private final Function<Instant, List<String>> accepted;
    private final Runnable reread;
    private final Clock clock;
    private Instant lastReread;

    /**
     * @param accepted the tokens accepted at an instant (from the cached secret)
     * @param reread drops the cached secret, so the next {@code accepted} reads it again
     */
    WebhookTokenCheck(Function<Instant, List<String>> accepted, Runnable reread, Clock clock) {
        this.accepted = accepted;
        this.reread = reread;
        this.clock = clock;
    }

    /** False when no token is configured: an unconfigured deployment accepts nobody. */
    synchronized boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        Instant now = clock.instant();
        if (anyMatches(accepted.apply(now), presented)) {
            return true;
        }
        if (lastReread != null && now.isBefore(lastReread.plus(REREAD_INTERVAL))) {
            return false;
        }
        lastReread = now;
        reread.run();
        return anyMatches(accepted.apply(now), presented);
    }

    boolean configured() {
        return !accepted.apply(clock.instant()).isEmpty();
    }

    private static boolean anyMatches(List<String> tokens, String presented) {
        byte[] digest = sha256(presented);
        boolean match = false;
        for (String token : tokens) {
            match |= MessageDigest.isEqual(sha256(token), digest);
        }
        return match;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

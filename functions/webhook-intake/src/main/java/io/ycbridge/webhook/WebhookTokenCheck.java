package io.ycbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compares the URL's secret segment with the configured one in constant time. Both are hashed first, so neither
 * the position of the first difference nor the expected token's length shows in the timing.
 */
final class WebhookTokenCheck {
    private final Supplier<Optional<String>> expected;

    WebhookTokenCheck(Supplier<Optional<String>> expected) {
        this.expected = expected;
    }

    /** False when no token is configured: an unconfigured deployment accepts nobody. */
    boolean matches(String presented) {
        Optional<String> configured = expected.get();
        if (configured.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(configured.get()), sha256(presented));
    }

    boolean configured() {
        return expected.get().isPresent();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

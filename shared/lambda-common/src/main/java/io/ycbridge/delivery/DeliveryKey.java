package io.ycbridge.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a delivery that carries none of its own (YClients webhooks have no event id): a scope plus the
 * SHA-256 of the exact bytes received. Two byte-identical deliveries share a key; the body itself is never stored.
 */
public record DeliveryKey(String value) {

    public DeliveryKey {
        Objects.requireNonNull(value, "value");
        // DynamoDB allows 2048 bytes in a partition key; ours stay far below.
        if (value.isBlank() || value.length() > 512) {
            throw new IllegalArgumentException("a delivery key has 1 to 512 characters, got " + value.length());
        }
    }

    /** {@code <scope>#sha256:<hex>}, e.g. scope {@code webhook#235564} for company 235564's webhook. */
    public static DeliveryKey ofContent(String scope, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return new DeliveryKey(scope + "#sha256:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static DeliveryKey ofContent(String scope, String content) {
        return ofContent(scope, content.getBytes(StandardCharsets.UTF_8));
    }
}

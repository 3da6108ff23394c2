package io.ycbridge.app.verification;

import io.ycbridge.snapstart.FreshRandom;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What is stored of a code: HMAC-SHA256 keyed with 16 random bytes drawn for that code (the salt, stored beside it),
 * over user, phone and code. The salt makes equal codes look different at rest; binding user and phone means a hash
 * copied onto another user's or phone's item verifies nothing. No hash can keep a six-digit code from an attacker who
 * holds the table (a million guesses are instant), so the real protection is the short life, the attempt limit and
 * that only the two functions may read the table; the hash keeps the codes out of backups, exports and consoles.
 */
final class CodeDigest {
    static final int SALT_BYTES = 16;

    private CodeDigest() {
    }

    static byte[] salt() {
        return FreshRandom.bytes(SALT_BYTES);
    }

    /** Six decimal digits, uniform (SecureRandom made at the draw, so no two environments restored from one SnapStart snapshot share a sequence; no modulo bias below 10^6). */
    static String newCode() {
        return String.format("%06d", FreshRandom.below(1_000_000));
    }

    static byte[] of(byte[] salt, String userId, String phoneE164, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            // NUL separators: no user id or phone can run into the next field.
            return mac.doFinal((userId + '\0' + phoneE164 + '\0' + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant time: how long a comparison takes says nothing about how many bytes matched. */
    static boolean matches(byte[] stored, byte[] salt, String userId, String phoneE164, String code) {
        return stored.length > 0 && MessageDigest.isEqual(stored, of(salt, userId, phoneE164, code));
    }
}

package io.ycbridge.app.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * What the app told us about its user: the name and phone the booking form should know them by, an optional e-mail
 * and the app's own code for the user. The phone is already E.164; {@code email} and {@code appCode} may be null.
 * {@link #toString()} masks the phone and leaves out name and e-mail (personal data in logs).
 */
public record Profile(String userId, String name, String phoneE164, String email, String appCode, Instant updatedAt) {
    public Profile {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        String phone = phoneE164 == null || phoneE164.length() < 4 ? "none"
                : phoneE164.substring(0, 2) + "*".repeat(phoneE164.length() - 4) + phoneE164.substring(phoneE164.length() - 2);
        return "Profile[" + userId + ", phone " + phone + "]";
    }
}

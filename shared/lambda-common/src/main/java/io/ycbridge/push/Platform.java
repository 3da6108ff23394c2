package io.ycbridge.push;

import java.util.Locale;
import java.util.Optional;

/** A push service a device's token belongs to, by the name the app sends and the key SNS's per-platform message uses. */
public enum Platform {
    FCM("GCM"),
    APNS("APNS");

    private final String messageKey;

    Platform(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The key of this platform's payload in a Publish whose MessageStructure is json (SNS still calls FCM "GCM"). */
    public String messageKey() {
        return messageKey;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> of(String wire) {
        for (Platform platform : values()) {
            if (platform.wire().equals(wire)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}

package io.ycbridge.yclients;

import java.net.URI;
import java.util.Locale;

/** The two names of the same API. */
public enum Brand {
    YCLIENTS(URI.create("https://api.yclients.com/api/v1"), "yclients.com"),
    ALTEGIO(URI.create("https://api.alteg.io/api/v1"), "alteg.io");

    private final URI apiBase;
    private final String bookingDomain;

    Brand(URI apiBase, String bookingDomain) {
        this.apiBase = apiBase;
        this.bookingDomain = bookingDomain;
    }

    public URI apiBase() {
        return apiBase;
    }

    /** Domain of the online-booking forms, {@code n<form-id>.<domain>}. */
    public String bookingDomain() {
        return bookingDomain;
    }

    /** Accepts "yclients" or "altegio" in any case; the message lists the valid names. */
    public static Brand parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown brand '" + name + "': use yclients or altegio", e);
        }
    }
}

package io.ycbridge.app.booking;

import java.util.List;

/**
 * How the booking form will know the user. {@code mechanism} is {@value #CLIENT_BY_PHONE} when we have the user's
 * phone: the form asks for a phone, confirms it by SMS and fills the name and e-mail from the YClients client card
 * under that phone; the app can offer the phone, name and e-mail below in its own UI. {@value #NONE} when we have no
 * phone. {@code missing} names the profile fields the user has not given (name, phone, email).
 */
public record Prefill(String mechanism, String phone, String name, String email, List<String> missing) {
    public static final String CLIENT_BY_PHONE = "yclients-client-by-phone";
    public static final String NONE = "none";

    public Prefill {
        missing = List.copyOf(missing);
    }
}

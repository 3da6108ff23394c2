package io.ycbridge.yclients;

import java.util.Objects;

/**
 * The two YClients tokens. The partner token identifies our application (Marketplace developer account); the user
 * token identifies a YClients user with rights on the company. {@link #toString()} never shows either.
 */
public record Credentials(String partnerToken, String userToken) {

    public Credentials {
        partnerToken = requireToken(partnerToken, "partnerToken");
        userToken = userToken == null || userToken.isBlank() ? null : requireToken(userToken, "userToken");
    }

    public static Credentials partnerOnly(String partnerToken) {
        return new Credentials(partnerToken, null);
    }

    public boolean hasUserToken() {
        return userToken != null;
    }

    /** {@code Bearer <partner>, User <user>}, or the partner part alone where there is no user token. */
    public String authorizationHeader() {
        return userToken == null ? "Bearer " + partnerToken : "Bearer " + partnerToken + ", User " + userToken;
    }

    @Override
    public String toString() {
        return "Credentials[partnerToken=" + mask(partnerToken) + ", userToken=" + (userToken == null ? "none" : mask(userToken)) + "]";
    }

    /** Shows only the length and the last two characters: enough to tell two tokens apart in a support chat. */
    public static String mask(String token) {
        if (token == null) {
            return "none";
        }
        return token.length() <= 8 ? "****" : "****" + token.substring(token.length() - 2) + " (" + token.length() + " chars)";
    }

    private static String requireToken(String token, String name) {
        Objects.requireNonNull(token, name + " is required");
        String trimmed = token.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        // Seed 002's users pasted tokens with spaces; a token never contains whitespace or a comma (it would break the header).
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                throw new IllegalArgumentException(name + " contains whitespace or a comma at position " + i
                        + ": copy the token again without spaces");
            }
        }
        return trimmed;
    }
}

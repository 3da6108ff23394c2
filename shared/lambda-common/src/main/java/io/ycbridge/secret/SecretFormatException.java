package io.ycbridge.secret;

/**
 * The YClients secret is malformed: not JSON, a required field missing, a field of the wrong kind. The message names
 * the field (or environment variable) and the fix, and never quotes a value from the secret.
 */
public final class SecretFormatException extends RuntimeException {
    private final String field;

    public SecretFormatException(String field, String message) {
        // No cause: a parser's exception may quote the text it choked on.
        super(message, null, false, true);
        this.field = field;
    }

    /** The field at fault, as the source names it ({@code partnerToken}, or {@code YCLIENTS_PARTNER_TOKEN}). */
    public String field() {
        return field;
    }
}

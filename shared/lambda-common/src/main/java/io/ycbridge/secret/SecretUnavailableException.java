package io.ycbridge.secret;

/** The secret could not be read at all (not found, access denied, Secrets Manager unreachable). */
public final class SecretUnavailableException extends RuntimeException {
    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.ycbridge.push;

/** SNS did not answer, or answered with a failure a retry may not meet (throttling, its own error): try again later. */
public final class PushUnavailableException extends RuntimeException {
    public PushUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.ycbridge.ops;

/** A command line or configuration the tool cannot work with at all: exit code 2, the message says what to change. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

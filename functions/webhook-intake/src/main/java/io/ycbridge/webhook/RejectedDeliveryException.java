package io.ycbridge.webhook;

/** A delivery refused for its content; the message is the short reason sent back (no values from the body). */
final class RejectedDeliveryException extends RuntimeException {
    RejectedDeliveryException(String reason) {
        super(reason, null, false, false);
    }
}

package io.ycbridge.app.verification;

/** Sends one text message to one phone; the service knows nothing of SNS. */
@FunctionalInterface
interface SmsSender {
    /** @throws SmsNotSentException when the message did not leave */
    void send(String phoneE164, String text);

    /** The message was not accepted for delivery; the reason never quotes the phone or the text. */
    final class SmsNotSentException extends RuntimeException {
        SmsNotSentException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}

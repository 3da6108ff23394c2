package io.ycbridge.phone;

/** Why a text is not a usable phone number. The message never repeats the number (personal data). */
public final class InvalidPhoneNumberException extends IllegalArgumentException {
    private final Reason reason;

    public InvalidPhoneNumberException(Reason reason, String detail) {
        super("invalid phone number (" + reason.name().toLowerCase(java.util.Locale.ROOT) + "): " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        EMPTY,
        /** Letters, an extension ("доб. 12"), or a plus that is not at the start. */
        ILLEGAL_CHARACTERS,
        TOO_SHORT,
        TOO_LONG,
        /** Written with the default region's own country code (or any code libphonenumber knows) in a length its numbers never have. */
        WRONG_LENGTH_FOR_COUNTRY,
        UNKNOWN_FORMAT
    }
}

package io.ycbridge.yclients;

import java.util.Optional;

/**
 * 422 (and the online-booking codes 431–438, also a 403 blacklist): the API refused the request's content. A booking
 * refusal carries its {@link BookingError} and, for a taken or overlapping time, the id of the appointment (as the
 * request numbered it) that the API named. A subclass names a refusal whose meaning the call knows
 * ({@link InsufficientCardBalanceException}).
 */
public class ValidationException extends YClientsException {
    private final int errorCode;
    private final Long appointmentId;

    public ValidationException(int status, String apiMessage, String method, String path) {
        this(status, apiMessage, method, path, 0, null);
    }

    public ValidationException(int status, String apiMessage, String method, String path, int errorCode, Long appointmentId) {
        super(status, apiMessage, method, path, advice(errorCode));
        this.errorCode = errorCode;
        this.appointmentId = appointmentId;
    }

    /** A refusal whose meaning a subclass knows, with the advice that fits it; no error code. */
    protected ValidationException(int status, String apiMessage, String method, String path, String advice) {
        super(status, apiMessage, method, path, advice);
        this.errorCode = 0;
        this.appointmentId = null;
    }

    /** The API's own error code (433, …), or 0 when the answer carried none. */
    public int errorCode() {
        return errorCode;
    }

    public Optional<BookingError> bookingError() {
        return BookingError.ofCode(errorCode);
    }

    /** The {@code appointments[].id} the refusal names, when it names one. */
    public Optional<Long> appointmentId() {
        return Optional.ofNullable(appointmentId);
    }

    private static String advice(int errorCode) {
        return BookingError.ofCode(errorCode)
                .map(error -> "online-booking error " + error.code() + " (" + error + ") about " + error.field())
                .orElse("the API refused the request's data; the message above says which field");
    }
}

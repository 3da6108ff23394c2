package io.ycbridge.yclients;

import java.util.Optional;

/**
 * The online-booking refusals the reference lists under "Проверка параметров записи на сеанс" and "Запись на сеанс",
 * by their error code, each with the request field it is about, so an app can tell "pick another time" from "retype
 * the SMS code" from "this choice is gone". The HTTP status is 422 for all but {@link #PHONE_BLACKLISTED} (403).
 */
public enum BookingError {
    INVALID_PHONE(431, "phone"),
    WRONG_CODE(432, "code"),
    TIME_TAKEN(433, "appointments[].datetime"),
    PHONE_BLACKLISTED(434, "phone"),
    NAME_MISSING(435, "fullname"),
    NO_STAFF_AVAILABLE(436, "appointments[].staff_id"),
    APPOINTMENTS_OVERLAP(437, "appointments[].datetime"),
    SERVICE_UNAVAILABLE(438, "appointments[].services");

    private final int code;
    private final String field;

    BookingError(int code, String field) {
        this.code = code;
        this.field = field;
    }

    public int code() {
        return code;
    }

    /** The request field the refusal is about, in the reference's names. */
    public String field() {
        return field;
    }

    public static Optional<BookingError> ofCode(int code) {
        for (BookingError error : values()) {
            if (error.code == code) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }
}

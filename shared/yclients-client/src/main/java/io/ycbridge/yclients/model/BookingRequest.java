package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code book_record}. {@code code} is the SMS code, needed only where the company's form confirms
 * phones; {@code apiId} is our own id of the booking, stored on the record and returned with it ({@code api_id}),
 * which is how a booking whose answer was lost can be found again. Absent optional fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingRequest(
        String phone,
        String fullname,
        String email,
        String code,
        String comment,
        @JsonProperty("api_id") String apiId,
        List<BookingAppointment> appointments) {

    public BookingRequest {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(fullname, "fullname");
        appointments = List.copyOf(Objects.requireNonNull(appointments, "appointments"));
    }

    public BookingRequest withCode(String smsCode) {
        return new BookingRequest(phone, fullname, email, smsCode, comment, apiId, appointments);
    }
}

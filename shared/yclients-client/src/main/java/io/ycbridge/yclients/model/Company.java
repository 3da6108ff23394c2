package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A company (branch). {@code timezone} is an hour offset; {@code timezone_name} an IANA zone, when sent. The country is
 * only a name in the account's language ({@code "Россия"}, {@code ""} when unset) beside YClients' own
 * {@code country_id}, which is no ISO code; {@code phone} is the company's own number, e.g. {@code "+7 495 509-24-46"}.
 */
public record Company(
        long id,
        String title,
        @JsonProperty("timezone") Integer timezoneHours,
        @JsonProperty("timezone_name") String timezoneName,
        String country,
        String city,
        String phone,
        Boolean active) {

    /** The company's zone: the named zone when the API gives a valid one, else the fixed hour offset. */
    public Optional<ZoneId> zone() {
        if (timezoneName != null && !timezoneName.isBlank()) {
            try {
                return Optional.of(ZoneId.of(timezoneName.strip()));
            } catch (DateTimeException ignored) {
                // fall through to the hour offset
            }
        }
        return timezoneHours == null ? Optional.empty() : Optional.of(ZoneOffset.ofHours(timezoneHours));
    }
}

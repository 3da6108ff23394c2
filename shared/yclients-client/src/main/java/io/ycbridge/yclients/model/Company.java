package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A company (branch). {@code timezone} is an hour offset in live answers and booking calls ({@code 3}, {@code "3"}) but a
 * zone name in the reference's {@code GET /company/{id}} example ({@code "Europe/Moscow"}), so both are read;
 * {@code timezone_name} is an IANA zone, when sent. The country is
 * only a name in the account's language ({@code "Россия"}, {@code ""} when unset) beside YClients' own
 * {@code country_id}, which is no ISO code; {@code phone} is the company's own number, e.g. {@code "+7 495 509-24-46"}.
 */
public record Company(
        long id,
        String title,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("timezone_name") String timezoneName,
        String country,
        String city,
        String phone,
        Boolean active) {

    /** The company's zone: a valid zone name in {@code timezone_name} or {@code timezone}, else the hour offset. */
    public Optional<ZoneId> zone() {
        return named(timezoneName).or(() -> named(timezone)).or(this::hourOffset);
    }

    private Optional<ZoneId> hourOffset() {
        try {
            return timezone == null ? Optional.empty() : Optional.of(ZoneOffset.ofHours(Integer.parseInt(timezone.strip())));
        } catch (NumberFormatException | DateTimeException notHours) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> named(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone.strip()));
        } catch (DateTimeException notAZone) {
            return Optional.empty();
        }
    }
}

package io.ycbridge.push;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The time of day, in the company's zone, when no push goes out: {@code from} up to {@code until}, across midnight when
 * {@code from} is later. A push due inside it waits for {@code until}; a clock change inside it is the zone's.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {
    /** {@code HH:mm-HH:mm}. */
    public static QuietHours parse(String text, ZoneId zone) {
        String[] ends = text.strip().split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("not HH:mm-HH:mm");
        }
        LocalTime from = LocalTime.parse(ends[0].strip());
        LocalTime until = LocalTime.parse(ends[1].strip());
        if (from.equals(until)) {
            throw new IllegalArgumentException("the quiet time starts and ends at the same time");
        }
        return new QuietHours(from, until, zone);
    }

    /** When a push due at {@code at} may go: empty when now, else the end of the quiet time it falls in. */
    public Optional<Instant> heldUntil(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean acrossMidnight = from.isAfter(until);
        boolean quiet = acrossMidnight ? !time.isBefore(from) || time.isBefore(until) : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = end.plusDays(1).with(until);
        }
        return Optional.of(end.toInstant());
    }
}

package io.ycbridge.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The three date notations one record carries, and the lenient-but-not-sloppy reading of date parameters.
 * {@code date} is company-local without offset, {@code datetime} has an offset with a colon, {@code create_date}
 * and {@code last_change_date} have one without.
 */
final class WireDates {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter WITH_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    // Offsets: +03:00, +0300, +03 or Z; a missing offset means company-local time.
    private static final DateTimeFormatter PARAMETER = new DateTimeFormatterBuilder()
            .append(DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm[:ss][.SSS]")
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private WireDates() {
    }

    static String local(LocalDateTime dateTime) {
        return LOCAL.format(dateTime);
    }

    /** {@code 2016-05-20T14:30:00}: ISO, company-local, without an offset, as the answer of a move writes its dates. */
    static String isoLocal(LocalDateTime dateTime) {
        return ISO_LOCAL.format(dateTime);
    }

    static String withColon(LocalDateTime local, ZoneId zone) {
        return WITH_COLON.format(local.atZone(zone));
    }

    static String withColon(Instant instant, ZoneId zone) {
        return WITH_COLON.format(instant.atZone(zone));
    }

    static String withoutColon(Instant instant, ZoneId zone) {
        return WITHOUT_COLON.format(instant.atZone(zone));
    }

    static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A date-time parameter that must carry its offset ({@code +03:00}, {@code +0300}, {@code +03} or {@code Z}). */
    static Optional<Instant> parseInstantWithOffset(String text) {
        try {
            return PARAMETER.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from) instanceof OffsetDateTime withOffset
                    ? Optional.of(withOffset.toInstant()) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A date-time parameter such as {@code changed_after}. A bare date is the start of that day. An offset whose
     * plus sign arrived as a space (a client that forgot to percent-encode '+') does not parse, on purpose.
     */
    static Optional<Instant> parseInstant(String text, ZoneId zoneWhenNoOffset) {
        String value = text.strip();
        if (value.length() == 10) {
            return parseDate(value).map(date -> date.atStartOfDay(zoneWhenNoOffset).toInstant());
        }
        try {
            TemporalAccessor parsed = PARAMETER.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return Optional.of(withOffset.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).atZone(zoneWhenNoOffset).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package io.ycbridge.yclients;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Objects;

/**
 * A date-time as the API sends it. One record mixes three forms: {@code "2019-07-21 12:00:00"} (company-local, no
 * offset), {@code "2019-07-21T12:00:00+03:00"} and {@code "2019-07-21T12:27:06+0300"} (offset without a colon, which
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} rejects). The offset, when the API sends one, is kept as sent.
 *
 * <p>Time-zone policy: an offset in the value wins; a value without one is company-local time and is resolved with
 * the company's zone ({@code timezone_name} of {@code GET /company/{id}}, or the configured zone).
 */
public record ApiTimestamp(LocalDateTime local, ZoneOffset offset) {

    // One pattern for all three forms: 'T' or ' ' between date and time, optional seconds and fraction,
    // and an optional offset written +HH:MM, +HHMM, +HH or Z.
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    public ApiTimestamp {
        Objects.requireNonNull(local, "local");
    }

    public static ApiTimestamp of(OffsetDateTime value) {
        return new ApiTimestamp(value.toLocalDateTime(), value.getOffset());
    }

    /**
     * Parses any of the API's forms; a bare date ({@code "2019-07-21"}) is midnight, company-local.
     *
     * @throws IllegalArgumentException naming the value's shape (not the value) when it is none of them
     */
    public static ApiTimestamp parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        try {
            ApiTimestamp common = parseCommonForm(value);
            if (common != null) {
                return common;
            }
            if (value.length() == 10) {
                return new ApiTimestamp(java.time.LocalDate.parse(value).atStartOfDay(), null);
            }
            var parsed = FORMAT.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt
                    ? new ApiTimestamp(odt.toLocalDateTime(), odt.getOffset())
                    : new ApiTimestamp((LocalDateTime) parsed, null);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a YClients date-time (expected yyyy-MM-dd HH:mm:ss or ISO with an offset), "
                    + value.length() + " characters", e);
        }
    }

    /**
     * The forms the API sends almost always — {@code yyyy-MM-dd[ T]HH:mm:ss} with no offset, {@code +HH:MM}, {@code +HHMM}
     * or {@code Z} — read without the general formatter, which costs several times more per value; records carry
     * three of these each. Returns null for any other shape, which then goes to the formatter.
     */
    private static ApiTimestamp parseCommonForm(String v) {
        int n = v.length();
        if (n < 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != ' ' && v.charAt(10) != 'T')
                || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        if (n == 19) {
            return new ApiTimestamp(local, null);
        }
        if (n == 20 && v.charAt(19) == 'Z') {
            return new ApiTimestamp(local, ZoneOffset.UTC);
        }
        char sign = v.charAt(19);
        boolean colon = n == 25 && v.charAt(22) == ':';
        if ((sign != '+' && sign != '-') || !(colon || n == 24)) {
            return null;
        }
        int hours = digits(v, 20, 2);
        int minutes = digits(v, colon ? 23 : 22, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        int direction = sign == '-' ? -1 : 1;
        return new ApiTimestamp(local, ZoneOffset.ofHoursMinutes(direction * hours, direction * minutes));
    }

    /** The number in {@code count} ASCII digits at {@code from}, or -1 when any is not a digit. */
    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public boolean hasOffset() {
        return offset != null;
    }

    /** The sent offset when there is one, else the company's zone's offset at that local time. */
    public OffsetDateTime resolve(ZoneId companyZone) {
        if (offset != null) {
            return local.atOffset(offset);
        }
        return local.atZone(Objects.requireNonNull(companyZone, "companyZone")).toOffsetDateTime();
    }

    public Instant toInstant(ZoneId companyZone) {
        return resolve(companyZone).toInstant();
    }

    /** Back in the API's own form: ISO with a colon in the offset, or {@code yyyy-MM-dd HH:mm:ss} when local. */
    @Override
    public String toString() {
        return offset != null
                ? local.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                : local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
}

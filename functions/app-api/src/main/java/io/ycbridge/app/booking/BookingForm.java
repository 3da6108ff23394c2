package io.ycbridge.app.booking;

import io.ycbridge.yclients.Brand;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company's online-booking form: {@code https://n<form-id>.yclients.com} or the Altegio equivalent. The form id is
 * not the company id (the seeds' company 235564 books through n239661), so it is configuration, never derived. Only
 * the brands' own form hosts are accepted: a typo in the configuration must not send users to some other site.
 */
public record BookingForm(Brand brand, String host) {
    private static final Pattern HOST = Pattern.compile("(?:https://)?([nb][0-9]{1,12})\\.([a-z0-9.-]+?)/?");

    public BookingForm {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(host, "host");
    }

    /** Accepts {@code n239661.yclients.com}, {@code https://n239661.yclients.com} or {@code b1180001.alteg.io}. */
    public static BookingForm parse(String text) {
        Matcher matcher = HOST.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            for (Brand brand : Brand.values()) {
                if (brand.bookingDomain().equals(matcher.group(2))) {
                    return new BookingForm(brand, matcher.group(1) + "." + brand.bookingDomain());
                }
            }
        }
        throw new IllegalArgumentException("not a booking-form host: expected n<form-id>." + Brand.YCLIENTS.bookingDomain()
                + " or n<form-id>." + Brand.ALTEGIO.bookingDomain());
    }

    /** {@code https://n239661.yclients.com}, no trailing slash. */
    public String origin() {
        return "https://" + host;
    }
}

package io.ycbridge.app.booking;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import java.util.Map;
import java.util.Optional;

/** Each company's booking form, from {@code BOOKING_FORMS=235564:n239661.yclients.com,1169323:n1180001.alteg.io}. */
public final class BookingForms {
    private final Map<Long, BookingForm> forms;

    public BookingForms(Map<Long, BookingForm> forms) {
        this.forms = Map.copyOf(forms);
    }

    public static BookingForms from(Config config) {
        return config.require(EnvVar.BOOKING_FORMS, "company:host pairs separated by commas, e.g. 235564:n239661.yclients.com",
                BookingForms::parse);
    }

    static BookingForms parse(String text) {
        return new BookingForms(Config.companyPairs(text, BookingForm::parse));
    }

    public Optional<BookingForm> forCompany(long companyId) {
        return Optional.ofNullable(forms.get(companyId));
    }
}

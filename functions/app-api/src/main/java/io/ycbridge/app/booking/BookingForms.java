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

    /**
     * Unset or blank (the template's default): no company has a form, and every booking link is refused 403 with the
     * reason, while the catalog and the rest keep working. A function that refused to start instead would fail the
     * stack's creation, since Lambda runs init when it publishes a SnapStart version.
     */
    public static BookingForms from(Config config) {
        return new BookingForms(config.perCompany(EnvVar.BOOKING_FORMS,
                "company:host pairs separated by commas, e.g. 235564:n239661.yclients.com", BookingForm::parse));
    }

    static BookingForms parse(String text) {
        return new BookingForms(Config.companyPairs(text, BookingForm::parse));
    }

    public Optional<BookingForm> forCompany(long companyId) {
        return Optional.ofNullable(forms.get(companyId));
    }
}

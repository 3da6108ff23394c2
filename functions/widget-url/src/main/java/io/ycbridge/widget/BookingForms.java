package io.ycbridge.widget;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import java.util.LinkedHashMap;
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
        Map<Long, BookingForm> forms = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("no company before ':'");
            }
            long company = Long.parseLong(pair.substring(0, colon).strip());
            if (company <= 0 || forms.put(company, BookingForm.parse(pair.substring(colon + 1))) != null) {
                throw new IllegalArgumentException("company id not positive or given twice");
            }
        }
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return new BookingForms(forms);
    }

    public Optional<BookingForm> forCompany(long companyId) {
        return Optional.ofNullable(forms.get(companyId));
    }
}

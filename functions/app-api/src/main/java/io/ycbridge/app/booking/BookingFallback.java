package io.ycbridge.app.booking;

import io.ycbridge.app.RequestRefused;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When YClients cannot book (down, rate-limited, our credentials refused): a 503 that carries the widget link for the
 * same choice, so the user can still book through the form, and a {@code Retry-After}.
 */
public final class BookingFallback {
    static final String RETRY_AFTER_SECONDS = "30";
    private final BookingLinkService links;

    public BookingFallback(BookingLinkService links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    public RequestRefused unavailable(String userId, BookingOrder order, String reason) {
        return unavailable(userId, order.companyId(), order.services(), order.staffId() == 0 ? StaffChoice.ANY : StaffChoice.of(order.staffId()),
                reason);
    }

    /** Without a link when the company has no form configured: the 503 still says why. */
    public RequestRefused unavailable(String userId, long companyId, List<Long> services, StaffChoice staff, String reason) {
        try {
            String url = links.link(userId, companyId, services, staff).url();
            return new RequestRefused(503, reason + "; the booking link works meanwhile", Map.of("bookingUrl", url),
                    Map.of("retry-after", RETRY_AFTER_SECONDS));
        } catch (RequestRefused noLink) {
            return new RequestRefused(503, reason, Map.of(), Map.of("retry-after", RETRY_AFTER_SECONDS));
        }
    }
}

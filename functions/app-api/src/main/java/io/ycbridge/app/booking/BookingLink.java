package io.ycbridge.app.booking;

import java.util.List;

/** A booking link and what it preselects; {@code staff} is the master's id, -1 for any, null for none chosen. */
public record BookingLink(String url, long companyId, List<Long> services, Long staff, Prefill prefill) {
    public BookingLink {
        services = List.copyOf(services);
    }
}

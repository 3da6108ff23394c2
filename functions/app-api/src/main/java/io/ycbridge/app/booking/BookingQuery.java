package io.ycbridge.app.booking;

import io.ycbridge.app.QueryIds;
import io.ycbridge.app.RequestRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The booking routes' own query parameters, {@code service} and {@code staff} ({@code company} is every route's:
 * {@link QueryIds}), each refused with the reason the app shows when it is not what the route takes.
 */
final class BookingQuery {
    private static final int MAX_SERVICES = 10;

    private BookingQuery() {
    }

    /** {@code service=301,302}; HTTP API joins a repeated {@code service=} the same way. */
    static List<Long> services(Map<String, String> query) {
        String text = query.get("service");
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            long id = QueryIds.positiveId(part, "service");
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.size() > MAX_SERVICES) {
            throw new RequestRefused(400, "at most " + MAX_SERVICES + " services can be preselected");
        }
        return ids;
    }

    /** {@code staff=55}, or {@code staff=any} (also -1, the form's own code) for any master; absent: none chosen. */
    static StaffChoice staff(Map<String, String> query) {
        String text = query.get("staff");
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.equalsIgnoreCase("any") || value.equals("-1")) {
            return StaffChoice.ANY;
        }
        return StaffChoice.of(QueryIds.positiveId(value, "staff"));
    }
}

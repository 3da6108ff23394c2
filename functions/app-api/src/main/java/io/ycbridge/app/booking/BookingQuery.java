package io.ycbridge.app.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The booking routes' query parameters: {@code company}, {@code service} and {@code staff}, each refused with the
 * reason the app shows when it is not what the route takes.
 */
final class BookingQuery {
    private static final int MAX_SERVICES = 10;

    private BookingQuery() {
    }

    static long company(Map<String, String> query) {
        String text = query.get("company");
        if (text == null || text.isBlank()) {
            throw new RequestRefused(400, "company is required: the YClients company (branch) id");
        }
        return positiveId(text, "company");
    }

    /** {@code service=301,302}; HTTP API joins a repeated {@code service=} the same way. */
    static List<Long> services(Map<String, String> query) {
        String text = query.get("service");
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            long id = positiveId(part, "service");
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
        return StaffChoice.of(positiveId(value, "staff"));
    }

    private static long positiveId(String text, String name) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RequestRefused(400, name + " must be a positive numeric id" + ("staff".equals(name) ? " or 'any'" : ""));
    }
}

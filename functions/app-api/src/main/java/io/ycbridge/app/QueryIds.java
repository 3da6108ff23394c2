package io.ycbridge.app;

import java.util.Map;

/** Ids in the app routes' query parameters, each refused with the reason the app shows when it is not one. */
public final class QueryIds {
    private QueryIds() {
    }

    /** {@code company}: the YClients company (branch) every catalog and booking route is about. */
    public static long company(Map<String, String> query) {
        String text = query.get("company");
        if (text == null || text.isBlank()) {
            throw new RequestRefused(400, "company is required: the YClients company (branch) id");
        }
        return positiveId(text, "company");
    }

    public static long positiveId(String text, String name) {
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

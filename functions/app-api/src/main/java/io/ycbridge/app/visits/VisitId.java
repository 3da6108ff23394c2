package io.ycbridge.app.visits;

import io.ycbridge.app.RequestRefused;

/**
 * A visit's id in the app routes, {@code <company>-<record>}: a YClients record id is unique only within its company,
 * and a chain's user has visits in several branches.
 */
public record VisitId(long companyId, long recordId) {

    public static VisitId of(long companyId, long recordId) {
        return new VisitId(companyId, recordId);
    }

    /** The path parameter, refused with the reason when it is not one. */
    public static VisitId parse(String text) {
        if (text != null && text.matches("[1-9]\\d{0,17}-[1-9]\\d{0,17}")) {
            int dash = text.indexOf('-');
            return new VisitId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        }
        throw new RequestRefused(400, "a visit id is <company>-<record>, both positive numbers, as GET /v1/me/visits gives it");
    }

    @Override
    public String toString() {
        return companyId + "-" + recordId;
    }
}

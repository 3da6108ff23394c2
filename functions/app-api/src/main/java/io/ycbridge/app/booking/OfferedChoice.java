package io.ycbridge.app.booking;

import io.ycbridge.app.RequestRefused;
import io.ycbridge.app.catalog.CatalogView;
import java.util.List;
import java.util.Map;

/**
 * Every chosen service and master is one the synced catalog offers, else the refusal with the reason: what the
 * catalog route does not show, no booking route takes. A read route answers 404 (the id is not there); the booking
 * answers 422 with the field, as the request was understood but its choice is not bookable.
 */
final class OfferedChoice {
    private OfferedChoice() {
    }

    /** @param staffId null or 0 when no particular master is chosen */
    static void require(CatalogView.Loaded loaded, List<Long> services, Long staffId, int status) {
        for (long id : services) {
            loaded.whyNotService(id).ifPresent(why -> {
                throw refused(status, "service " + id + " " + why, "services");
            });
        }
        if (staffId != null && staffId > 0) {
            loaded.whyNotStaff(staffId).ifPresent(why -> {
                throw refused(status, "staff member " + staffId + " " + why, "staff");
            });
        }
    }

    private static RequestRefused refused(int status, String reason, String field) {
        return status == 422 ? new RequestRefused(status, reason, Map.of("field", field), Map.of()) : new RequestRefused(status, reason);
    }
}

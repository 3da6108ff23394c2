package io.ycbridge.app.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A company's catalog as the app sees it: what can be booked now. Deleted items (gone from the API's lists), inactive
 * services and fired or hidden masters are left out of the lists; {@link #whyNot} says why an id is not bookable, so
 * the booking-url route refuses exactly what the catalog route does not show.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogView(long companyId, List<Category> categories, List<Service> services, List<Staff> staff) {
    /** Money as decimal strings ("1500.00"): a JSON number becomes a binary float in most app code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(long id, String title, Long categoryId, String priceMin, String priceMax, Integer durationSeconds,
                          Integer weight) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(long id, String title, Integer weight) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Staff(long id, String name, String specialization, String avatar, String rating) {
    }

    /** Why an id stored in the catalog is not offered; the reason goes into the 404 the app shows or logs. */
    public enum Hidden {
        DELETED("was removed from the catalog"),
        INACTIVE("is not active"),
        FIRED("no longer works here"),
        NOT_BOOKABLE("is not open for online booking");

        private final String reason;

        Hidden(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The catalog plus the ids it leaves out and why: what {@link CatalogReader} reads. */
    public record Loaded(CatalogView catalog, Map<Long, Hidden> hiddenServices, Map<Long, Hidden> hiddenStaff) {
        /** Empty when the service is offered; otherwise the reason, "is unknown" included. */
        public java.util.Optional<String> whyNotService(long id) {
            return whyNot(id, catalog.services(), Service::id, hiddenServices);
        }

        public java.util.Optional<String> whyNotStaff(long id) {
            return whyNot(id, catalog.staff(), Staff::id, hiddenStaff);
        }

        private static <T> java.util.Optional<String> whyNot(long id, List<T> shown, Function<T, Long> idOf, Map<Long, Hidden> hidden) {
            if (shown.stream().map(idOf).collect(Collectors.toSet()).contains(id)) {
                return java.util.Optional.empty();
            }
            Hidden why = hidden.get(id);
            return java.util.Optional.of(why == null ? "is not in the catalog" : why.reason());
        }
    }
}

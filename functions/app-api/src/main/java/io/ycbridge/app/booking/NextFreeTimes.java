package io.ycbridge.app.booking;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.yclients.YClientsException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The free times that replace a taken one: the same master (or any), the same services, later that day. Read fresh,
 * never from a cache: the answer to "this time was just taken" must not offer it again.
 */
public final class NextFreeTimes {
    static final int OFFERED = 5;
    private final YClientsAccess api;

    public NextFreeTimes(YClientsAccess api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Up to {@value #OFFERED} times after {@code taken}; none when the API cannot say (the refusal stands without them). */
    public List<FreeTime> after(long companyId, long staffId, List<Long> services, OffsetDateTime taken) {
        try {
            return api.call(client -> client.bookableTimes(companyId, staffId, taken.toLocalDate(), services)).stream()
                    .filter(time -> FreeTime.start(time, taken.getOffset()).isAfter(taken))
                    .limit(OFFERED)
                    .map(time -> FreeTime.of(time, taken.getOffset()))
                    .toList();
        } catch (YClientsException unavailable) {
            return List.of();
        }
    }

    List<FreeTime> after(BookingOrder order) {
        return after(order.companyId(), order.staffId(), order.services(), order.datetime());
    }
}

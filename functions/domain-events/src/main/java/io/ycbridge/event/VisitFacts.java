package io.ycbridge.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A visit as an event tells it. {@code previousStartsAt} and {@code previousStaffId} belong to a move only (null
 * otherwise, and left out of the detail); {@code startsAt} keeps the offset the record was booked in.
 */
public record VisitFacts(OffsetDateTime startsAt, OffsetDateTime previousStartsAt, Long staffId, Long previousStaffId,
                         List<Long> serviceIds, BigDecimal price, String status) {
    public VisitFacts {
        serviceIds = List.copyOf(serviceIds);
    }
}

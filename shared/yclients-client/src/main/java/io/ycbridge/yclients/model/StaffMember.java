package io.ycbridge.yclients.model;

import java.math.BigDecimal;

/** A master. {@code fired}, {@code hidden} and {@code bookable} come as 0/1 or booleans. */
public record StaffMember(
        long id,
        String name,
        String specialization,
        String avatar,
        BigDecimal rating,
        Boolean fired,
        Boolean hidden,
        Boolean bookable) {
}

package io.ycbridge.simulator;

import java.math.BigDecimal;

/** One service line of a record, priced when it was booked. */
record AppointmentService(long id, String title, BigDecimal firstCost, BigDecimal manualCost, BigDecimal cost,
                          BigDecimal discount, int amount) {

    static AppointmentService booked(OfferedService service) {
        return new AppointmentService(service.id(), service.title(), service.price(), service.price(), service.price(),
                BigDecimal.ZERO, 1);
    }

    /** An administrator typing a new price: no discount, so every price field says the same. */
    AppointmentService repriced(BigDecimal newCost) {
        return new AppointmentService(id, title, newCost, newCost, newCost, BigDecimal.ZERO, amount);
    }
}

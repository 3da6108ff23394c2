package io.ycbridge.simulator;

import java.math.BigDecimal;

/** A master. A fired one leaves the staff list but keeps answering by id, as records still point at it. */
record StaffMember(long companyId, long id, String name, String specialization, BigDecimal rating, boolean fired) {

    StaffMember asFired() {
        return new StaffMember(companyId, id, name, specialization, rating, true);
    }
}

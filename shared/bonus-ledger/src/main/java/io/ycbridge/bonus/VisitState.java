package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A visit under a per-visit cap: each of its records' uncapped bonus ({@code members}), and the one correction entry
 * stream that keeps their sum at the cap ({@code correction} ≤ 0, held by {@code owner}). {@code revision} null: no item
 * yet. Records accrue uncapped on their own states; the visit's correction is recomputed whenever a member changes, so
 * the visit's total is min(cap, Σ members) whatever the order its records came in.
 */
record VisitState(long companyId, String visitId, Map<Long, BigDecimal> members, BigDecimal correction, BonusOwner owner, Long revision) {

    static VisitState empty(long companyId, String visitId) {
        return new VisitState(companyId, visitId, Map.of(), BigDecimal.ZERO, null, null);
    }

    VisitState withMember(long recordId, BigDecimal amount) {
        Map<Long, BigDecimal> next = new TreeMap<>(members);
        if (amount == null) {
            next.remove(recordId);
        } else {
            next.put(recordId, amount);
        }
        return new VisitState(companyId, visitId, next, correction, owner, revision);
    }

    BigDecimal total() {
        return members.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

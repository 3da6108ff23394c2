package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The per-visit cap, pure: a visit's records accrue uncapped on their own states, and the visit holds one correction
 * (≤ 0) that keeps their sum at the cap ({@link BonusPolicy#visitCorrection}). Whenever a member changes, the correction
 * is recomputed and the difference becomes an entry, so the visit earns min(cap, sum) in whatever order its records
 * arrive, and a record that leaves the visit takes its share of the correction with it.
 */
final class VisitCapPolicy {
    private VisitCapPolicy() {
    }

    /**
     * A visit whose members changed: its correction is recomputed from the members' sum and held by the owner of the
     * record that changed it ({@code holder}; null keeps the visit's holder). The difference is one entry, or two when
     * the holder changes: the old holder's correction undone, the new one applied.
     */
    static BonusLedgerStore.VisitWrite change(VisitState seen, VisitState members, BonusOwner holder, BonusRules companyRules,
                                                long recordId, Instant version, long revision, List<LedgerEntry> entries) {
        BigDecimal correction = BonusPolicy.visitCorrection(members.total(), companyRules);
        BonusOwner before = seen.correction().signum() == 0 ? null : seen.owner();
        BonusOwner after = correction.signum() == 0 ? null : holder != null ? holder : seen.owner();
        String scope = "cap" + seen.visitId();
        long company = seen.companyId();
        if (before != null && after != null && !before.equals(after)) {
            entries.add(LedgerEntry.of(before, company, recordId, EntryKind.VISIT_CAP, BonusPolicy.money(seen.correction().negate()),
                    version, revision, scope));
            entries.add(LedgerEntry.of(after, company, recordId, EntryKind.VISIT_CAP, correction, version, revision, scope));
        } else {
            BigDecimal delta = correction.subtract(seen.correction());
            BonusOwner payer = before != null ? before : after;
            if (delta.signum() != 0 && payer != null) {
                entries.add(LedgerEntry.of(payer, company, recordId, EntryKind.VISIT_CAP, BonusPolicy.money(delta), version, revision, scope));
            }
            if (payer == null) {
                // Nobody holds the correction only when nobody was paid: every member is unowned, its amount zero.
                correction = BigDecimal.ZERO;
            }
            after = payer;
        }
        VisitState next = new VisitState(company, seen.visitId(), members.members(), BonusPolicy.money(correction), after, seen.revision());
        return new BonusLedgerStore.VisitWrite(seen, next);
    }

}

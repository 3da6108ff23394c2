package io.ycbridge.loyalty;

import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.LedgerEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * What of a user's bonus the loyalty card's programme will burn soon: a forecast from the ledger, which moves no money.
 * YClients burns a card's points a fixed time after they were credited (the programme's lifetime, set in YClients and
 * not readable through its API, hence a setting), and the burn comes back through the chain's feed as an EXPIRY entry.
 *
 * <p>Each credit is a lot that lives {@code lifetime}. A debit takes from lots: a visit's correction (reversal,
 * adjustment, cap) from its own record's lot first, since it takes back what that visit earned; then, like a spend at
 * the counter or a burn, from the oldest lots first, which is the order a card's points go. What is left of a lot that
 * ends inside the notice window is expiring; lots are told per day of the company's calendar.
 */
public final class BonusExpiryPolicy {
    /** Bonus that ends on {@code day}: its sum, the earliest end among its lots, and the company of that lot. */
    public record Expiring(LocalDate day, BigDecimal amount, Instant expiresAt, long companyId) {
    }

    private static final class Lot {
        final long companyId;
        final long recordId;
        final Instant ends;
        BigDecimal left;

        Lot(LedgerEntry entry, Duration lifetime) {
            this.companyId = entry.companyId();
            this.recordId = entry.recordId();
            this.ends = entry.version().plus(lifetime);
            this.left = entry.amount();
        }
    }

    private BonusExpiryPolicy() {
    }

    /**
     * @param entries   the user's entries, in any order
     * @param onCard    whether a company's bonus lives on a card: only a card burns, so only its entries count
     * @param window    how far ahead a notice is given
     */
    public static List<Expiring> expiring(List<LedgerEntry> entries, LongPredicate onCard, Duration lifetime, Duration window,
                                          Instant now, ZoneId zone) {
        List<Lot> lots = new ArrayList<>();
        List<LedgerEntry> history = entries.stream().filter(entry -> onCard.test(entry.companyId()))
                .sorted(Comparator.comparing(LedgerEntry::version).thenComparing(LedgerEntry::id)).toList();
        for (LedgerEntry entry : history) {
            if (entry.amount().signum() > 0) {
                lots.add(new Lot(entry, lifetime));
            } else if (entry.amount().signum() < 0) {
                BigDecimal owed = entry.amount().negate();
                if (correctsAVisit(entry)) {
                    owed = take(lots.stream().filter(lot -> lot.companyId == entry.companyId() && lot.recordId == entry.recordId()).toList(), owed);
                }
                take(lots, owed);
            }
        }
        Instant horizon = now.plus(window);
        Map<LocalDate, Expiring> byDay = new TreeMap<>();
        for (Lot lot : lots) {
            if (lot.left.signum() > 0 && lot.ends.isAfter(now) && !lot.ends.isAfter(horizon)) {
                LocalDate day = lot.ends.atZone(zone).toLocalDate();
                byDay.merge(day, new Expiring(day, lot.left, lot.ends, lot.companyId), (a, b) -> new Expiring(day, a.amount().add(b.amount()),
                        a.expiresAt().isBefore(b.expiresAt()) ? a.expiresAt() : b.expiresAt(),
                        a.expiresAt().isBefore(b.expiresAt()) ? a.companyId() : b.companyId()));
            }
        }
        return List.copyOf(byDay.values());
    }

    private static boolean correctsAVisit(LedgerEntry entry) {
        return entry.recordId() > 0 && (entry.kind() == EntryKind.REVERSAL || entry.kind() == EntryKind.ADJUSTMENT
                || entry.kind() == EntryKind.VISIT_CAP);
    }

    /** Takes {@code owed} from the lots in their order; what they could not cover. */
    private static BigDecimal take(List<Lot> lots, BigDecimal owed) {
        for (Lot lot : lots) {
            if (owed.signum() <= 0) {
                break;
            }
            BigDecimal taken = lot.left.min(owed);
            lot.left = lot.left.subtract(taken);
            owed = owed.subtract(taken);
        }
        return owed;
    }
}

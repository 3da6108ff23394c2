package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.LedgerEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast of a card's burn: lots by credit, debits oldest first except a visit's own correction, days in the company's zone. */
class BonusExpiryPolicyTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Instant T0 = Instant.parse("2026-09-01T09:00:00Z");
    private static final long SALON = 100;
    private static final long ELSEWHERE = 200;
    private final List<LedgerEntry> entries = new ArrayList<>();

    @Test
    void aCreditIsToldOnlyInsideTheWindowBeforeItEnds() {
        credit(SALON, 1, "75.00", T0);

        assertTrue(at(T0.plus(Duration.ofDays(82))).isEmpty(), "eight days ahead is outside the window");
        List<BonusExpiryPolicy.Expiring> soon = at(T0.plus(Duration.ofDays(83)));
        assertEquals(1, soon.size());
        assertEquals(new BigDecimal("75.00"), soon.getFirst().amount());
        assertEquals(T0.plus(LIFETIME), soon.getFirst().expiresAt());
        assertEquals(LocalDate.of(2026, 11, 30), soon.getFirst().day(), "the day in Moscow's calendar");
        assertEquals(SALON, soon.getFirst().companyId());
        assertTrue(at(T0.plus(LIFETIME)).isEmpty(), "a lot that has ended is the card's burn, no longer a notice");
    }

    @Test
    void aSpendTakesTheOldestLotsFirst() {
        credit(SALON, 1, "100.00", T0);
        credit(SALON, 2, "50.00", T0.plus(Duration.ofDays(10)));
        debit(SALON, 0, EntryKind.REDEMPTION, "-120.00", T0.plus(Duration.ofDays(20)));

        assertTrue(at(T0.plus(Duration.ofDays(85))).isEmpty(), "the first lot was spent whole");
        List<BonusExpiryPolicy.Expiring> soon = at(T0.plus(Duration.ofDays(95)));
        assertEquals(new BigDecimal("30.00"), soon.getFirst().amount(), "what the spend left of the second");
    }

    @Test
    void aVisitsCorrectionTakesBackWhatThatVisitEarnedFirst() {
        credit(SALON, 1, "100.00", T0);
        credit(SALON, 2, "50.00", T0.plus(Duration.ofDays(10)));
        debit(SALON, 2, EntryKind.REVERSAL, "-50.00", T0.plus(Duration.ofDays(11)));

        assertEquals(new BigDecimal("100.00"), at(T0.plus(Duration.ofDays(85))).getFirst().amount(), "the older lot is whole");
        assertTrue(at(T0.plus(Duration.ofDays(95))).isEmpty(), "the reversed visit's lot is gone");
    }

    @Test
    void aCorrectionLargerThanItsVisitsLotTakesTheRestFromTheOldest() {
        credit(SALON, 1, "100.00", T0);
        credit(SALON, 2, "50.00", T0.plus(Duration.ofDays(10)));
        debit(SALON, 2, EntryKind.ADJUSTMENT, "-70.00", T0.plus(Duration.ofDays(11)));

        assertEquals(new BigDecimal("80.00"), at(T0.plus(Duration.ofDays(85))).getFirst().amount());
    }

    @Test
    void theCardsOwnBurnConsumesTheLotItBurnt() {
        credit(SALON, 1, "100.00", T0);
        credit(SALON, 2, "40.00", T0.plus(Duration.ofDays(1)));
        debit(SALON, 0, EntryKind.EXPIRY, "-100.00", T0.plus(LIFETIME));

        List<BonusExpiryPolicy.Expiring> soon = at(T0.plus(LIFETIME).plus(Duration.ofHours(1)));
        assertEquals(1, soon.size());
        assertEquals(new BigDecimal("40.00"), soon.getFirst().amount());
    }

    @Test
    void lotsEndingTheSameDayAreOneNoticeAndOtherDaysAnother() {
        credit(SALON, 1, "10.00", T0);
        credit(SALON, 2, "15.00", T0.plus(Duration.ofHours(5)));
        credit(SALON, 3, "20.00", T0.plus(Duration.ofDays(2)));

        List<BonusExpiryPolicy.Expiring> soon = at(T0.plus(Duration.ofDays(86)));
        assertEquals(2, soon.size(), soon.toString());
        assertEquals(new BigDecimal("25.00"), soon.get(0).amount());
        assertEquals(T0.plus(LIFETIME), soon.get(0).expiresAt(), "the earliest end of the day");
        assertEquals(new BigDecimal("20.00"), soon.get(1).amount());
    }

    @Test
    void onlyACardsBonusBurns() {
        credit(ELSEWHERE, 1, "500.00", T0);
        credit(SALON, 2, "30.00", T0);

        List<BonusExpiryPolicy.Expiring> soon = at(T0.plus(Duration.ofDays(85)));
        assertEquals(new BigDecimal("30.00"), soon.getFirst().amount());
    }

    @Test
    void debitsBeyondEveryLotLeaveNothingToTellAndNoNegativeLot() {
        credit(SALON, 1, "20.00", T0);
        debit(SALON, 0, EntryKind.REDEMPTION, "-35.00", T0.plus(Duration.ofDays(1)));
        credit(SALON, 2, "10.00", T0.plus(Duration.ofDays(2)));

        List<BonusExpiryPolicy.Expiring> soon = at(T0.plus(Duration.ofDays(88)));
        assertEquals(1, soon.size());
        assertEquals(new BigDecimal("10.00"), soon.getFirst().amount(), "an overdraft does not carry into a later credit");
    }

    private List<BonusExpiryPolicy.Expiring> at(Instant now) {
        return BonusExpiryPolicy.expiring(List.copyOf(entries).reversed(), company -> company == SALON, LIFETIME, WINDOW, now, MOSCOW);
    }

    private void credit(long company, long record, String amount, Instant at) {
        entries.add(LedgerEntry.of(BonusOwner.user("u"), company, record, EntryKind.ACCRUAL, new BigDecimal(amount), at));
    }

    private void debit(long company, long record, EntryKind kind, String amount, Instant at) {
        entries.add(new LedgerEntry(kind + "-" + at.toEpochMilli(), BonusOwner.user("u"), company, record, kind, new BigDecimal(amount), at));
    }
}

package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.came;
import static io.ycbridge.bonus.Visits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BonusPolicyTest {
    private static final BonusRules FIVE = BonusRules.percent("5");

    /** attendance: 1 came, 0 waiting, -1 no-show, 2 confirmed. Only "came + paid + not deleted" earns. */
    @ParameterizedTest(name = "attendance {0}, paid {1}, deleted {2} → {3}")
    @CsvSource({
            " 1, true,  false, 99.00",
            " 1, false, false, 0.00",
            " 1, true,  true,  0.00",
            " 0, true,  false, 0.00",
            "-1, true,  false, 0.00",
            " 2, true,  false, 0.00",
            "-1, false, false, 0.00",
            " 0, false, true,  0.00",
    })
    void onlyAPaidVisitTheClientCameToEarns(int attendance, boolean paid, boolean deleted, String expected) {
        StoredRecord record = with(came(1, 1), 1, attendance, paid, deleted);

        assertEquals(new BigDecimal(expected), BonusPolicy.earned(record, FIVE));
    }

    @ParameterizedTest(name = "{0}% at scale {1} {2} of 1999.50 → {3}")
    @CsvSource({
            "5,   0, DOWN,      99.00",
            "5,   0, HALF_UP,   100.00",
            "5,   2, DOWN,      99.97",
            "5,   2, HALF_UP,   99.98",
            "5,   2, HALF_EVEN, 99.98",
            "2.5, 1, DOWN,      49.9",
            "2.5, 0, CEILING,   50.00",
            "0,   0, DOWN,      0.00",
            "100, 2, DOWN,      1999.50",
    })
    void roundsAsConfigured(String percent, int scale, RoundingMode mode, String expected) {
        BonusRules rules = BonusRules.percent(percent).withScale(scale, mode);

        assertEquals(BonusPolicy.money(new BigDecimal(expected)), BonusPolicy.earned(came(1, 1), rules));
    }

    @Test
    void aCapLimitsOneVisit() {
        assertEquals(new BigDecimal("50.00"), BonusPolicy.earned(came(1, 1), FIVE.withCap("50")));
        assertEquals(new BigDecimal("99.00"), BonusPolicy.earned(came(1, 1), FIVE.withCap("99")), "at the cap");
        assertEquals(new BigDecimal("99.00"), BonusPolicy.earned(came(1, 1), FIVE.withCap("1000")), "under the cap");
        assertEquals(new BigDecimal("0.00"), BonusPolicy.earned(came(1, 1), FIVE.withCap("0")), "cap 0 pays nothing");
    }

    @Test
    void excludedServicesEarnNothing() {
        assertEquals(new BigDecimal("75.00"), BonusPolicy.earned(came(1, 1), FIVE.withExcluded(Set.of(302L))));
        assertEquals(new BigDecimal("24.00"), BonusPolicy.earned(came(1, 1), FIVE.withExcluded(Set.of(301L))));
        assertEquals(new BigDecimal("0.00"), BonusPolicy.earned(came(1, 1), FIVE.withExcluded(Set.of(301L, 302L))));
    }

    /**
     * came(1, 1): service 301 costs 1500.00, 302 costs 499.50. Catalog "301:10" means service 301 is in category 10;
     * a service missing from it is not in the catalog yet, and earns.
     */
    @ParameterizedTest(name = "categories [{0}], services [{1}], catalog [{2}] → {3}")
    @CsvSource({
            "20,    '',  301:10 302:20, 75.00",
            "10,    '',  301:10 302:20, 24.00",
            "10 20, '',  301:10 302:20, 0.00",
            "30,    '',  301:10 302:20, 99.00",
            "'',    '',  301:10 302:20, 99.00",
            "20,    '',  301:10,        99.00",
            "10,    '',  '',            99.00",
            "10,    302, 301:10 302:20, 0.00",
            "10,    301, 301:10 302:20, 24.00",
            "20,    301, 301:10,        24.00",
    })
    void excludedCategoriesEarnNothingAndAServiceTheCatalogDoesNotKnowEarns(String categories, String services, String catalog,
                                                                            String expected) {
        BonusRules rules = FIVE.withExcluded(longs(services)).withExcludedCategories(longs(categories));
        java.util.Map<Long, Long> known = new java.util.HashMap<>();
        for (String pair : catalog.split(" ")) {
            if (!pair.isBlank()) {
                known.put(Long.parseLong(pair.split(":")[0]), Long.parseLong(pair.split(":")[1]));
            }
        }

        assertEquals(new BigDecimal(expected), BonusPolicy.earned(came(1, 1), rules, new ServiceCategories(known)));
    }

    @Test
    void categoriesAreIgnoredWhenNoCategoryIsExcluded() {
        ServiceCategories all = new ServiceCategories(java.util.Map.of(301L, 10L, 302L, 20L));
        assertEquals(BonusPolicy.earned(came(1, 1), FIVE), BonusPolicy.earned(came(1, 1), FIVE, all));
    }

    private static Set<Long> longs(String text) {
        return java.util.Arrays.stream(text.split(" ")).filter(part -> !part.isBlank()).map(Long::valueOf)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void noServicesOrFreeServicesEarnNothing() {
        assertEquals(new BigDecimal("0.00"), BonusPolicy.earned(Visits.withServices(came(1, 1), 2, List.of()), FIVE));
        assertEquals(new BigDecimal("0.00"), BonusPolicy.earned(Visits.withServices(came(1, 1), 2,
                List.of(new StoredService(1, "free", BigDecimal.ZERO, 1))), FIVE));
    }

    @Test
    void anIncompleteRecordEarnsNothingYet() {
        assertEquals(new BigDecimal("0.00"), BonusPolicy.earned(Visits.incomplete(came(1, 1)), FIVE));
    }

    /** accrued → target: which entry, and how much. */
    @ParameterizedTest(name = "{0} → {1}: {2} {3}")
    @CsvSource({
            "0,     99,    ACCRUAL,    99.00",
            "99,    0,     REVERSAL,   -99.00",
            "99,    120,   ADJUSTMENT, 21.00",
            "99,    80.50, ADJUSTMENT, -18.50",
            "99.00, 99,    ,           ",
            "0,     0,     ,           ",
    })
    void theChangeTakesTheLedgerFromAccruedToTarget(String accrued, String target, EntryKind kind, String amount) {
        Optional<BonusPolicy.Change> change = BonusPolicy.change(new BigDecimal(accrued), new BigDecimal(target));

        if (kind == null) {
            assertTrue(change.isEmpty(), change.toString());
        } else {
            assertEquals(new BonusPolicy.Change(kind, new BigDecimal(amount)), change.orElseThrow());
        }
    }

    /** Every attendance transition of a paid visit, as the ledger sees it: the entry from one version to the next. */
    @ParameterizedTest(name = "attendance {0} → {1}: {2}")
    @CsvSource({
            " 0,  1, ACCRUAL",
            " 2,  1, ACCRUAL",
            "-1,  1, ACCRUAL",
            " 1,  0, REVERSAL",
            " 1, -1, REVERSAL",
            " 1,  2, REVERSAL",
            " 1,  1, ",
            " 0, -1, ",
            " 0,  2, ",
    })
    void attendanceTransitions(int from, int to, EntryKind expected) {
        BigDecimal accrued = BonusPolicy.earned(with(came(1, 1), 1, from, true, false), FIVE);
        BigDecimal target = BonusPolicy.earned(with(came(1, 1), 2, to, true, false), FIVE);

        assertEquals(Optional.ofNullable(expected), BonusPolicy.change(accrued, target).map(BonusPolicy.Change::kind));
    }

    @Test
    void cancellingOrUnpayingACompletedVisitReversesExactlyWhatItEarned() {
        BigDecimal accrued = BonusPolicy.earned(came(1, 1), FIVE);
        for (StoredRecord after : List.of(with(came(1, 1), 2, 1, true, true), with(came(1, 1), 2, 1, false, false))) {
            BonusPolicy.Change change = BonusPolicy.change(accrued, BonusPolicy.earned(after, FIVE)).orElseThrow();
            assertEquals(EntryKind.REVERSAL, change.kind());
            assertEquals(0, accrued.negate().compareTo(change.amount()));
        }
    }

    @Test
    void rulesRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> BonusRules.percent("-1"));
        assertThrows(IllegalArgumentException.class, () -> BonusRules.percent("101"));
        assertThrows(IllegalArgumentException.class, () -> FIVE.withScale(5, RoundingMode.DOWN));
        assertThrows(IllegalArgumentException.class, () -> FIVE.withScale(2, RoundingMode.UNNECESSARY));
        assertThrows(IllegalArgumentException.class, () -> FIVE.withCap("-5"));
    }
}

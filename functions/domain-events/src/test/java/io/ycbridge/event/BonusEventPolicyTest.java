package io.ycbridge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.LedgerEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of BonusEventPolicy's table: each kind, both signs where a kind has two, and the owners nobody can be told of. */
class BonusEventPolicyTest {
    private static final BonusOwner USER = BonusOwner.user("user-sub-1");

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(USER, EntryKind.ACCRUAL, "75", EventType.BONUS_ACCRUED),
                Arguments.of(USER, EntryKind.PENDING_CREDIT, "30", EventType.BONUS_ACCRUED),
                Arguments.of(USER, EntryKind.EXTERNAL_ACCRUAL, "10", EventType.BONUS_ACCRUED),
                Arguments.of(USER, EntryKind.ADJUSTMENT, "5", EventType.BONUS_ACCRUED),
                Arguments.of(USER, EntryKind.ADJUSTMENT, "-5", EventType.BONUS_REVERSED),
                Arguments.of(USER, EntryKind.ADJUSTMENT, "0", null),
                Arguments.of(USER, EntryKind.VISIT_CAP, "-25", EventType.BONUS_REVERSED),
                Arguments.of(USER, EntryKind.VISIT_CAP, "25", EventType.BONUS_ACCRUED),
                Arguments.of(USER, EntryKind.REVERSAL, "-75", EventType.BONUS_REVERSED),
                Arguments.of(USER, EntryKind.EXPIRY, "-20", EventType.BONUS_REVERSED),
                Arguments.of(USER, EntryKind.REDEMPTION, "-50", EventType.BONUS_REDEEMED),
                Arguments.of(USER, EntryKind.PENDING_TRANSFER, "-30", null),
                Arguments.of(BonusOwner.pendingPhone("+79990000001"), EntryKind.ACCRUAL, "75", null),
                Arguments.of(BonusOwner.pendingClient(235564, 4001), EntryKind.REVERSAL, "-75", null),
                Arguments.of(BonusOwner.erased(), EntryKind.ACCRUAL, "75", null));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("table")
    void oneEntry(BonusOwner owner, EntryKind kind, String amount, EventType expected) {
        LedgerEntry entry = new LedgerEntry("235564-9001-x-1", owner, 235564, 9001, kind, new BigDecimal(amount),
                Instant.parse("2026-12-01T09:00:00Z"));
        assertEquals(Optional.ofNullable(expected), BonusEventPolicy.of(entry));
    }
}

package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.util.List;

/** A user's balance and one page of entries, newest first; {@code nextCursor} null on the last page. */
public record BalancePage(BigDecimal balance, List<LedgerEntry> entries, String nextCursor) {
}

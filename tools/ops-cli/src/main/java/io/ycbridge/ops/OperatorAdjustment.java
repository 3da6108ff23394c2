package io.ycbridge.ops;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.BonusPolicy;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.EntryOrigin;
import io.ycbridge.bonus.LedgerEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An operator's correction of a user's balance ({@code ops adjust}), checked, and the ledger entry that carries it: an
 * ADJUSTMENT of the operator's source with the reason and who gave it, so the entry explains itself in the ledger (the
 * card's line names the entry by its id; the reason, which may name the person, stays with us).
 */
record OperatorAdjustment(String userId, long companyId, BigDecimal amount, String reason, String by) {
    /**
     * Digits with a dot and at most two decimals: "10.000" is refused rather than read as ten, for in Russian notation
     * it is ten thousand; "10,50" and "1e3" are refused too.
     */
    private static final Pattern AMOUNT = Pattern.compile("[+-]?\\d+(\\.\\d{1,2})?");
    static final int REASON_MIN = 3;
    static final int REASON_MAX = 200;

    OperatorAdjustment {
        amount = BonusPolicy.money(amount);
    }

    /** The amount as typed; anything but a non-zero amount of money is a usage error. */
    static BigDecimal amount(String text) {
        String amount = text.strip();
        if (!AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() == 0) {
            throw new UsageException("--amount must be a non-zero amount with at most 2 decimals after a dot, e.g. 10, -150.50 "
                    + "(a minus takes bonus away); was '" + amount + "'");
        }
        return new BigDecimal(amount);
    }

    /** The reason kept with the entry: one line, {@value #REASON_MIN} to {@value #REASON_MAX} characters. */
    static String reason(String text) {
        String reason = text == null ? "" : text.strip();
        if (reason.length() < REASON_MIN || reason.length() > REASON_MAX || reason.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("--reason must say why, on one line of " + REASON_MIN + " to " + REASON_MAX
                    + " characters (it stays with the entry: the app shows it, the card's line shows the entry id)");
        }
        return reason;
    }

    /**
     * The entry, at {@code now}. Its id is the time and a hash of what was asked: two corrections of one millisecond
     * (two operators) are two entries, while the same write repeated by the SDK after a lost answer is refused as
     * existing.
     */
    LedgerEntry entry(Instant now) {
        String id = "operator-" + now.toEpochMilli() + "-" + shortHash(userId + amount.toPlainString() + reason);
        return new LedgerEntry(id, BonusOwner.user(userId), companyId, 0, EntryKind.ADJUSTMENT, amount, now,
                EntryOrigin.operator(reason + " (by " + by + ")"));
    }

    /** The amount as printed: signed, with its two decimals. */
    String signedAmount() {
        return (amount.signum() > 0 ? "+" : "") + amount.toPlainString();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

package io.ycbridge.bonus;

import java.util.Objects;

/**
 * Whose balance an entry moves: an app user ({@code USER#<sub>}), or, for a visit no user is linked to yet, a pending
 * owner named by what a user will later link — the phone ({@code PENDING#PHONE#<e164>}), else the company's client id
 * ({@code PENDING#CLIENT#<company>#<client>}); or the anonymous holder of a deleted account's entries
 * ({@code ERASED#<uuid>}). The key is the ledger table's partition key.
 */
public record BonusOwner(String key) {
    /** The prefix of an app user's key. */
    static final String USER = "USER#";
    private static final String PENDING = "PENDING#";
    private static final String ERASED = "ERASED#";

    public BonusOwner {
        Objects.requireNonNull(key, "key");
        if (!key.startsWith(USER) && !key.startsWith(PENDING) && !key.startsWith(ERASED)) {
            throw new IllegalArgumentException("not an owner key");
        }
    }

    public static BonusOwner user(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("user id is empty");
        }
        return new BonusOwner(USER + userId);
    }

    public static BonusOwner pendingPhone(String e164) {
        return new BonusOwner(PENDING + "PHONE#" + e164);
    }

    public static BonusOwner pendingClient(long companyId, long clientId) {
        return new BonusOwner(PENDING + "CLIENT#" + companyId + "#" + clientId);
    }

    /** Where an erased account's entries go: a random name nothing links back to the person. */
    public static BonusOwner erased() {
        return new BonusOwner(ERASED + java.util.UUID.randomUUID());
    }

    /** The app user's token subject, when this owner is an app user. */
    public java.util.Optional<String> userId() {
        return key.startsWith(USER) ? java.util.Optional.of(key.substring(USER.length())) : java.util.Optional.empty();
    }

    public boolean pending() {
        return key.startsWith(PENDING);
    }

    /** For logs: a pending owner's key holds a phone number, which is never logged. */
    public String kindForLog() {
        return pending() ? "pending" : key.startsWith(ERASED) ? "erased" : "user";
    }
}

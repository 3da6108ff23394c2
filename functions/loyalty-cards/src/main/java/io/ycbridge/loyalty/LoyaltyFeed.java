package io.ycbridge.loyalty;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.BonusPolicy;
import io.ycbridge.bonus.EntryOrigin;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.yclients.model.LoyaltyTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings back what happened to our users' cards in YClients (a cashier's spend, YClients' expiry or own credits) from the
 * chain's loyalty transactions: from the cursor less an overlap to now, each transaction once by its YClients id (the
 * entry id is made of it, and the ledger refuses an id twice), so the overlap and a repeated run cost nothing.
 */
public final class LoyaltyFeed {
    /** Read again before the cursor: transactions the API's clock dated a little earlier than ours. */
    static final Duration OVERLAP = Duration.ofMinutes(10);

    private final LoyaltyCardsStore cards;
    private final BonusLedgerStore ledger;
    private final YClientsAccess api;
    private final Clock clock;
    private final DecisionLog log;
    private final EmfMetrics metrics;

    public LoyaltyFeed(LoyaltyCardsStore cards, BonusLedgerStore ledger, YClientsAccess api, Clock clock, DecisionLog log, EmfMetrics metrics) {
        this.cards = cards;
        this.ledger = ledger;
        this.api = api;
        this.clock = clock;
        this.log = log;
        this.metrics = metrics;
    }

    /** What one read of a chain's feed found. */
    public record FeedRead(long chainId, int transactions, int entered, int alreadyEntered, int notOurs, int ourOwn) {
    }

    /** Reads the chain's transactions since its cursor (a first read starts {@link #OVERLAP} ago) into the ledger. */
    public FeedRead read(long chainId) {
        Instant until = clock.instant();
        Instant from = cards.feedCursor(chainId).orElse(until).minus(OVERLAP);
        int transactions = 0;
        int entered = 0;
        int already = 0;
        int notOurs = 0;
        int ourOwn = 0;
        for (List<LoyaltyTransaction> page : api.call(client -> client.chainLoyaltyTransactions(chainId, from, until))) {
            for (LoyaltyTransaction transaction : page) {
                transactions++;
                Optional<CardMovementPolicy.Movement> movement = CardMovementPolicy.of(transaction);
                if (movement.isEmpty()) {
                    ourOwn += CardTitle.ours(transaction.title()) ? 1 : 0;
                    continue;
                }
                Optional<LoyaltyCardsStore.CardOwner> owner = cards.owner(chainId, transaction.cardId());
                if (owner.isEmpty()) {
                    notOurs++;
                    continue;
                }
                if (ledger.post(entry(chainId, transaction, owner.get(), movement.get(), until))) {
                    entered++;
                    metrics.count("LoyaltyCardEntry", Map.of("Kind", movement.get().kind().name()));
                } else {
                    already++;
                }
            }
        }
        cards.saveFeedCursor(chainId, until);
        FeedRead read = new FeedRead(chainId, transactions, entered, already, notOurs, ourOwn);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chainId", chainId);
        fields.put("transactions", transactions);
        fields.put("entered", entered);
        fields.put("alreadyEntered", already);
        fields.put("otherCards", notOurs);
        fields.put("outcome", "READ");
        log.info("loyalty-feed", fields);
        return read;
    }

    private static LedgerEntry entry(long chainId, LoyaltyTransaction transaction, LoyaltyCardsStore.CardOwner owner,
                                     CardMovementPolicy.Movement movement, Instant readAt) {
        Instant at = transaction.createdAt() == null ? readAt : transaction.createdAt();
        long record = transaction.recordId() == null ? 0 : transaction.recordId();
        return new LedgerEntry("card-" + chainId + "-" + transaction.id(), BonusOwner.user(owner.userId()), owner.companyId(), record,
                movement.kind(), BonusPolicy.money(movement.amount()), at, EntryOrigin.card(transaction.id()));
    }
}

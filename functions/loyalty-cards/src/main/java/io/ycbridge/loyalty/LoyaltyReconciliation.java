package io.ycbridge.loyalty;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.BonusPolicy;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.EntryOrigin;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.yclients.model.LoyaltyCard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Once a day per user and chain: the card's balance against the ledger's entries for the chain's companies. A difference
 * becomes an ADJUSTMENT entry with its reason and a metric, never a silent overwrite. Only a settled mirror is compared
 * (nothing waiting, nothing uncertain); a difference is confirmed by reading the chain's feed and the card again, and a
 * card that moved meanwhile is compared another time.
 */
public final class LoyaltyReconciliation {
    static final Duration EVERY = Duration.ofDays(1);
    static final Duration AGAIN_SOON = Duration.ofMinutes(30);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final LoyaltySettings settings;
    private final LoyaltyCardsStore cards;
    private final BonusLedgerStore ledger;
    private final ClientCards clientCards;
    private final LoyaltyFeed feed;
    private final Clock clock;
    private final DecisionLog log;
    private final EmfMetrics metrics;

    public LoyaltyReconciliation(LoyaltySettings settings, LoyaltyCardsStore cards, BonusLedgerStore ledger, UserLinkStore links, LoyaltyFeed feed,
                                 YClientsAccess api, Clock clock, DecisionLog log, EmfMetrics metrics) {
        this.settings = settings;
        this.cards = cards;
        this.ledger = ledger;
        this.clientCards = new ClientCards(settings, links, api);
        this.feed = feed;
        this.clock = clock;
        this.log = log;
        this.metrics = metrics;
    }

    public enum Outcome { MATCHED, DRIFT_ENTERED, NOT_SETTLED, CARD_MOVED, NOT_READABLE, BUSY }

    public Outcome reconcile(String userId, long chainId) {
        Instant now = clock.instant();
        if (!cards.lease(userId, chainId, now, LEASE)) {
            return Outcome.BUSY;
        }
        try {
            Outcome outcome = compare(userId, chainId);
            cards.scheduleReconciliation(userId, chainId, now.plus(outcome == Outcome.MATCHED || outcome == Outcome.DRIFT_ENTERED ? EVERY : AGAIN_SOON));
            return outcome;
        } finally {
            cards.release(userId, chainId);
        }
    }

    private Outcome compare(String userId, long chainId) {
        Optional<CardLink> link = cards.link(userId, chainId);
        if (link.isEmpty() || link.get().cardId() == null || link.get().status() != MirrorStatus.POSTED
                || !cards.outbox(userId, chainId, 1).isEmpty()) {
            return done(chainId, Outcome.NOT_SETTLED, null, null);
        }
        long cardId = link.get().cardId();
        Optional<BigDecimal> card = cardBalance(userId, chainId, cardId);
        if (card.isEmpty()) {
            return done(chainId, Outcome.NOT_READABLE, null, null);
        }
        BigDecimal ours = ledgerBalance(userId, chainId);
        if (card.get().compareTo(ours) == 0) {
            return done(chainId, Outcome.MATCHED, card.get(), ours);
        }
        // A spend at the counter since the last read of the feed shows as a difference until the feed is read again.
        feed.read(chainId);
        ours = ledgerBalance(userId, chainId);
        Optional<BigDecimal> again = cardBalance(userId, chainId, cardId);
        if (again.isEmpty() || again.get().compareTo(card.get()) != 0) {
            return done(chainId, Outcome.CARD_MOVED, again.orElse(null), ours);
        }
        BigDecimal drift = BonusPolicy.money(card.get().subtract(ours));
        if (drift.signum() == 0) {
            return done(chainId, Outcome.MATCHED, card.get(), ours);
        }
        String reason = "reconciliation: the card held " + BonusPolicy.money(card.get()).toPlainString() + ", the ledger "
                + BonusPolicy.money(ours).toPlainString();
        Instant now = clock.instant();
        ledger.post(new LedgerEntry("drift-" + chainId + "-" + cardId + "-" + now.toEpochMilli(), BonusOwner.user(userId), link.get().companyId(), 0,
                EntryKind.ADJUSTMENT, drift, now, EntryOrigin.reconciliation(reason)));
        metrics.count("LoyaltyDrift", Map.of("ChainId", Long.toString(chainId)));
        return done(chainId, Outcome.DRIFT_ENTERED, card.get(), ours);
    }

    private Optional<BigDecimal> cardBalance(String userId, long chainId, long cardId) {
        try {
            return clientCards.phoneDigits(userId).flatMap(digits -> clientCards.of(digits, chainId).stream()
                    .filter(card -> card.id() == cardId).map(LoyaltyCard::balance).findFirst());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The user's entries for the chain's companies: what the card should hold. */
    private BigDecimal ledgerBalance(String userId, long chainId) {
        Set<Long> companies = settings.ofChain(chainId).stream().map(LoyaltyProgramme::companyId).collect(Collectors.toSet());
        return ledger.allEntries(BonusOwner.user(userId)).stream().filter(entry -> companies.contains(entry.companyId()))
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Outcome done(long chainId, Outcome outcome, BigDecimal card, BigDecimal ours) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chainId", chainId);
        fields.put("outcome", outcome.name());
        if (card != null) {
            fields.put("card", card.toPlainString());
        }
        if (ours != null) {
            fields.put("ledger", ours.toPlainString());
        }
        log.info("loyalty-reconciliation", fields);
        return outcome;
    }
}

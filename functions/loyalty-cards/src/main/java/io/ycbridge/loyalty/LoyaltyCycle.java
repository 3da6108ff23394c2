package io.ycbridge.loyalty;

import io.ycbridge.observe.DecisionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scheduled run of the loyalty cards, beside the sync: read each chain's feed back into the ledger, post what waits
 * (entries made while the API was down or the card was not found), then the reconciliations that are due, then the
 * day's bonus expiry notices, until the deadline. A user whose drain finds the API unavailable ends the retries for this run: the next ones would fail alike.
 */
public final class LoyaltyCycle {
    private static final int BATCH = 200;

    private final LoyaltySettings settings;
    private final LoyaltyCardsStore cards;
    private final LoyaltyFeed feed;
    private final LoyaltyMirror mirror;
    private final LoyaltyReconciliation reconciliation;
    private final BonusExpiryNotices notices;
    private final Clock clock;
    private final DecisionLog log;

    public LoyaltyCycle(LoyaltySettings settings, LoyaltyCardsStore cards, LoyaltyFeed feed, LoyaltyMirror mirror,
                        LoyaltyReconciliation reconciliation, BonusExpiryNotices notices, Clock clock, DecisionLog log) {
        this.settings = settings;
        this.cards = cards;
        this.feed = feed;
        this.mirror = mirror;
        this.reconciliation = reconciliation;
        this.notices = notices;
        this.clock = clock;
        this.log = log;
    }

    /** What one run did. */
    public record Summary(List<LoyaltyFeed.FeedRead> feeds, Map<LoyaltyMirror.Drained, Integer> drains,
                          Map<LoyaltyReconciliation.Outcome, Integer> reconciliations, int feedFailures,
                          BonusExpiryNotices.Given expiryNotices) {
    }

    /** Runs for at most {@code budget}, measured on the cycle's own clock (the one its leases and due times use). */
    public Summary run(java.time.Duration budget) {
        Instant deadline = clock.instant().plus(budget);
        List<LoyaltyFeed.FeedRead> feeds = new java.util.ArrayList<>();
        int feedFailures = 0;
        for (long chain : settings.chains()) {
            try {
                feeds.add(feed.read(chain));
            } catch (RuntimeException failure) {
                // The cursor stays: the next run reads the same window again, and nothing read twice is entered twice.
                feedFailures++;
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("chainId", chain);
                fields.put("outcome", "FEED_FAILED");
                fields.put("error", failure.getClass().getSimpleName());
                log.error("loyalty-feed", fields);
            }
        }
        Map<LoyaltyMirror.Drained, Integer> drains = new EnumMap<>(LoyaltyMirror.Drained.class);
        for (LoyaltyCardsStore.UserChain waiting : cards.waitingUsers(BATCH)) {
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            LoyaltyMirror.Drained drained = mirror.drain(waiting.userId(), waiting.chainId());
            drains.merge(drained, 1, Integer::sum);
            if (drained == LoyaltyMirror.Drained.API_UNAVAILABLE) {
                break;
            }
        }
        Map<LoyaltyReconciliation.Outcome, Integer> reconciled = new EnumMap<>(LoyaltyReconciliation.Outcome.class);
        for (LoyaltyCardsStore.UserChain due : cards.dueReconciliations(clock.instant(), BATCH)) {
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            reconciled.merge(reconciliation.reconcile(due.userId(), due.chainId()), 1, Integer::sum);
        }
        // Last: the notices forecast from the ledger, so they see what this run's feed brought back from the cards.
        BonusExpiryNotices.Given given = clock.instant().isBefore(deadline) ? notices.giveDue(deadline) : BonusExpiryNotices.Given.NONE;
        return new Summary(feeds, drains, reconciled, feedFailures, given);
    }
}

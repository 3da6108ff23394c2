package io.ycbridge.loyalty;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.yclients.model.LoyaltyCard;
import io.ycbridge.yclients.model.LoyaltyTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a user's ledger entries on the user's YClients loyalty card, each as exactly one manual transaction, in ledger
 * order. YClients' manual transaction has no idempotency key, so exactly-once comes from here: one drain per user and
 * chain at a time (a lease), an entry marked as being attempted before it is sent, and an attempt that may have landed
 * looked for in the chain's loyalty transactions (by the entry id in its title) before anything is sent again.
 */
public final class LoyaltyMirror {
    /** Longer than a drain of one user takes, so a lease only lapses when its holder died. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** How far before an attempt the card's transactions are searched for it: the API's clock may differ from ours. */
    private static final Duration ATTEMPT_SKEW = Duration.ofMinutes(10);
    private static final int PAGE = 25;

    private final LoyaltySettings settings;
    private final LoyaltyCardsStore cards;
    private final BonusLedgerStore ledger;
    private final ClientCards clientCards;
    private final YClientsAccess api;
    private final Clock clock;
    private final DecisionLog log;
    private final EmfMetrics metrics;

    public LoyaltyMirror(LoyaltySettings settings, LoyaltyCardsStore cards, BonusLedgerStore ledger, UserLinkStore links, YClientsAccess api,
                         Clock clock, DecisionLog log, EmfMetrics metrics) {
        this.settings = settings;
        this.cards = cards;
        this.ledger = ledger;
        this.clientCards = new ClientCards(settings, links, api);
        this.api = api;
        this.clock = clock;
        this.log = log;
        this.metrics = metrics;
    }

    /** How a drain ended. */
    public enum Drained {
        /** Nothing is left to post. */
        DONE,
        /** Entries wait (the status says why). */
        WAITING,
        /** Another drain holds the user's mirror: it posts these entries too. */
        BUSY,
        /** The API did not answer as it should: later users would not fare better now. */
        API_UNAVAILABLE
    }

    /**
     * Queues the entry for its owner's card when it goes to a card at all (a user's, from a company with cards, of a
     * source we post); the chain it was queued for, or empty.
     */
    public Optional<Long> enqueue(LedgerEntry entry) {
        Optional<String> user = entry.owner().userId();
        Optional<LoyaltyProgramme> programme = settings.forCompany(entry.companyId());
        if (user.isEmpty() || !entry.origin().source().mirrored() || programme.isEmpty()) {
            return Optional.empty();
        }
        cards.enqueue(user.get(), programme.get().chainId(), entry);
        return Optional.of(programme.get().chainId());
    }

    /**
     * Queues every entry of the user's ledger again for its card, as if each had just come from the stream: what an
     * operator runs after entries were lost on the way ({@code ops loyalty-resend}), and what a newly linked card starts
     * from. Never posts twice: an entry queued already stays as it is (its attempt marker too), and one on the card already
     * is dropped by the drain for its DONE item. @return how many of the entries go to a card at all
     */
    public int requeue(String userId) {
        int queued = 0;
        for (LedgerEntry entry : ledger.allEntries(BonusOwner.user(userId))) {
            if (enqueue(entry).isPresent()) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Leaves the user's queued entries to the scheduled cycle after a drain failed outside the API (DynamoDB): as far as
     * DynamoDB lets it, for it may be the one failing; the next entry of the user drains them otherwise.
     */
    private void leaveForCycle(String userId, long chainId) {
        try {
            cards.waiting(userId, chainId, true);
        } catch (RuntimeException stillFailing) {
            metrics.count("LoyaltyDrainLeft", Map.of());
        }
    }

    /**
     * Posts what waits for the user's card in the chain, in order, as far as the API lets it. A failure outside the API
     * (DynamoDB) is thrown after the entries were left to the scheduled cycle: they stay queued either way.
     */
    public Drained drain(String userId, long chainId) {
        Instant now = clock.instant();
        if (!cards.lease(userId, chainId, now, LEASE)) {
            return Drained.BUSY;
        }
        try {
            CardFound card = card(userId, chainId);
            if (card.cardId() == null) {
                cards.waiting(userId, chainId, true);
                return card.otherwise();
            }
            Drained drained = post(userId, chainId, card.cardId());
            cards.waiting(userId, chainId, drained != Drained.DONE);
            return drained;
        } catch (RuntimeException e) {
            leaveForCycle(userId, chainId);
            throw e;
        } finally {
            cards.release(userId, chainId);
        }
    }

    /**
     * Posts in ledger order. A deduction the card cannot cover (the cashier spent the bonus a reversal takes back) is
     * stepped over rather than holding everything behind it: the credits after it may cover it, so it is tried again once
     * anything was posted, and waits, refused with its reason, only when nothing more can go.
     */
    private Drained post(String userId, long chainId, long cardId) {
        Set<String> shortOnCard = new HashSet<>();
        boolean postedSinceShort = false;
        while (true) {
            List<PendingEntry> page = cards.outbox(userId, chainId, PAGE + shortOnCard.size()).stream()
                    .filter(entry -> !shortOnCard.contains(entry.itemKey())).limit(PAGE).toList();
            if (page.isEmpty()) {
                if (shortOnCard.isEmpty()) {
                    cards.status(userId, chainId, MirrorStatus.POSTED, null, clock.instant());
                    return Drained.DONE;
                }
                if (!postedSinceShort) {
                    return Drained.WAITING;
                }
                shortOnCard.clear();
                postedSinceShort = false;
                continue;
            }
            for (PendingEntry entry : page) {
                Step step = postOne(userId, chainId, cardId, entry);
                if (step.shortOnCard()) {
                    shortOnCard.add(entry.itemKey());
                } else if (step.stop() != null) {
                    return step.stop();
                } else {
                    postedSinceShort |= !shortOnCard.isEmpty();
                }
            }
        }
    }

    /** What one entry's attempt came to: on the card, stepped over as more than the card holds, or the drain stops. */
    private record Step(boolean shortOnCard, Drained stop) {
        static final Step POSTED = new Step(false, null);
        static final Step SHORT = new Step(true, null);

        static Step stop(Drained drained) {
            return new Step(false, drained);
        }
    }

    private Step postOne(String userId, long chainId, long cardId, PendingEntry entry) {
        if (cards.isPosted(userId, entry.entryId())) {
            cards.drop(userId, entry);
            return Step.POSTED;
        }
        if (entry.attemptAt() != null) {
            Optional<LoyaltyTransaction> landed;
            try {
                landed = findOnCard(chainId, cardId, entry);
            } catch (RuntimeException unreadable) {
                // Posting again without knowing would risk a second transaction: wait until the card can be read.
                return Step.stop(stop(userId, chainId, entry, MirrorStatus.UNCERTAIN, "the card's transactions could not be read to settle an earlier attempt ("
                        + unreadable.getClass().getSimpleName() + ")", Drained.API_UNAVAILABLE));
            }
            if (landed.isPresent()) {
                cards.posted(userId, chainId, entry, cardId, landed.get().id(), clock.instant());
                decided(chainId, entry, "FOUND_ON_CARD");
                metrics.count("LoyaltyAttemptFoundOnCard", Map.of());
                return Step.POSTED;
            }
        }
        LoyaltyProgramme programme = programmeFor(entry.companyId(), chainId);
        cards.attempting(userId, entry, clock.instant());
        LoyaltyTransaction posted;
        try {
            posted = api.call(client -> client.postManualLoyaltyTransaction(programme.companyId(), cardId, entry.amount(), entry.title()));
        } catch (RuntimeException failure) {
            String cause = failure.getClass().getSimpleName() + (failure instanceof io.ycbridge.yclients.YClientsException api && api.apiMessage() != null
                    ? ": " + api.apiMessage() : "");
            return switch (CardAttempt.of(failure)) {
                case SHORT_ON_CARD -> {
                    cards.notSent(userId, entry);
                    metrics.count("LoyaltyPostRefused", Map.of());
                    stop(userId, chainId, entry, MirrorStatus.REFUSED, "YClients refused the entry (" + cause + "): it is posted once the card holds "
                            + entry.amount().negate().toPlainString(), Drained.WAITING);
                    yield Step.SHORT;
                }
                case REFUSED -> {
                    cards.notSent(userId, entry);
                    metrics.count("LoyaltyPostRefused", Map.of());
                    yield Step.stop(stop(userId, chainId, entry, MirrorStatus.REFUSED, "YClients refused the entry (" + cause + ")", Drained.WAITING));
                }
                case NOT_NOW -> {
                    cards.notSent(userId, entry);
                    yield Step.stop(stop(userId, chainId, entry, MirrorStatus.WAITING, "the API is not taking requests (" + cause + ")",
                            Drained.API_UNAVAILABLE));
                }
                case UNCERTAIN -> {
                    metrics.count("LoyaltyPostUncertain", Map.of());
                    yield Step.stop(stop(userId, chainId, entry, MirrorStatus.UNCERTAIN, "no clear answer (" + cause + "): the card is read before the next try",
                            Drained.API_UNAVAILABLE));
                }
            };
        }
        cards.posted(userId, chainId, entry, cardId, posted == null ? 0 : posted.id(), clock.instant());
        decided(chainId, entry, "POSTED");
        metrics.count("LoyaltyPosted", Map.of());
        return Step.POSTED;
    }

    private Drained stop(String userId, long chainId, PendingEntry entry, MirrorStatus status, String reason, Drained drained) {
        cards.status(userId, chainId, status, reason, clock.instant());
        Map<String, Object> fields = fields(chainId, entry);
        fields.put("outcome", status.name());
        fields.put("reason", reason);
        log.info("loyalty-mirror", fields);
        return drained;
    }

    private void decided(long chainId, PendingEntry entry, String outcome) {
        Map<String, Object> fields = fields(chainId, entry);
        fields.put("outcome", outcome);
        log.info("loyalty-mirror", fields);
    }

    private static Map<String, Object> fields(long chainId, PendingEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chainId", chainId);
        fields.put("entryId", entry.entryId());
        fields.put("kind", entry.kind().name());
        fields.put("amount", entry.amount().toPlainString());
        fields.put("attempts", entry.attempts());
        return fields;
    }

    /** Our earlier attempt at the entry, among the chain's transactions since it began (less the clocks' skew). */
    private Optional<LoyaltyTransaction> findOnCard(long chainId, long cardId, PendingEntry entry) {
        Instant from = entry.attemptAt().minus(ATTEMPT_SKEW);
        return api.call(client -> client.chainLoyaltyTransactions(chainId, from, null).items()
                .filter(transaction -> transaction.cardId() == cardId && CardTitle.names(transaction.title(), entry.entryId()))
                .findFirst());
    }

    /** The user's card, or, when there is none to post to, how the drain ends. */
    private record CardFound(Long cardId, Drained otherwise) {
    }

    /**
     * The user's card in the chain: the one we linked, else the client's card of the configured type found by the
     * proven phone, else a new one. A new link back-fills the outbox with the user's earlier entries, so the card starts
     * from the same history as the ledger. None when there is no phone (the entries wait) or the API did not answer.
     */
    private CardFound card(String userId, long chainId) {
        Optional<CardLink> link = cards.link(userId, chainId);
        if (link.isPresent() && link.get().cardId() != null) {
            return new CardFound(link.get().cardId(), null);
        }
        Instant now = clock.instant();
        LoyaltyProgramme home = clientCards.home(chainId);
        LoyaltyCard card;
        try {
            Optional<String> digits = clientCards.phoneDigits(userId);
            if (digits.isEmpty()) {
                cards.status(userId, chainId, MirrorStatus.NO_PHONE, "the user has no proven phone: no card can be found or issued", now);
                return new CardFound(null, Drained.WAITING);
            }
            card = clientCards.of(digits.get(), chainId).stream()
                    .filter(candidate -> candidate.typeId() == home.cardTypeId())
                    .findFirst()
                    // Issued only when the lookup just said there is none; an issue that may have landed is looked up first next time.
                    .orElseGet(() -> api.call(client -> client.issueLoyaltyCard(home.companyId(), CardNumber.of(userId, chainId), home.cardTypeId(),
                            digits.get())));
        } catch (RuntimeException failure) {
            cards.status(userId, chainId, MirrorStatus.WAITING, "the card could not be found or issued (" + failure.getClass().getSimpleName() + ")", now);
            return new CardFound(null, Drained.API_UNAVAILABLE);
        }
        cards.linkCard(userId, chainId, card.id(), home.companyId());
        // The back-fill: the user's entries written before the card was linked (while cards were off, or with no phone).
        requeue(userId);
        cards.scheduleReconciliation(userId, chainId, now);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chainId", chainId);
        fields.put("cardId", card.id());
        fields.put("outcome", "CARD_LINKED");
        log.info("loyalty-mirror", fields);
        return new CardFound(card.id(), null);
    }

    private LoyaltyProgramme programmeFor(long companyId, long chainId) {
        return settings.forCompany(companyId).filter(programme -> programme.chainId() == chainId)
                .orElseGet(() -> clientCards.home(chainId));
    }
}

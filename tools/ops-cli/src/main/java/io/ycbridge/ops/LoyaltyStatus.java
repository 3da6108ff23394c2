package io.ycbridge.ops;

import io.ycbridge.loyalty.CardLink;
import io.ycbridge.loyalty.LoyaltyCardsStore;
import io.ycbridge.loyalty.MirrorStatus;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ops status} shows of the loyalty-card mirror: the users whose entries wait for their card, or one user's
 * links. Each printing method says whether a link it showed needs the operator (REFUSED or UNCERTAIN: retrying alone
 * will not put those entries on the card, or a look at the card must settle them first).
 */
final class LoyaltyStatus {
    /** As many as one status run reads; more say "1000+". */
    private static final int READ = 1000;
    /** Users listed in the overview; {@code --user} shows any one of them in full. */
    private static final int LISTED = 20;

    private final LoyaltyCardsStore cards;
    private final PrintStream out;

    LoyaltyStatus(LoyaltyCardsStore cards, PrintStream out) {
        this.cards = cards;
        this.out = out;
    }

    /** The section after the companies. @return whether a listed link needs the operator */
    boolean waiting() {
        List<LoyaltyCardsStore.UserChain> waiting = cards.waitingUsers(READ);
        out.println("loyalty cards");
        out.println("  users whose entries wait: " + (waiting.isEmpty() ? "none" : count(waiting.size())));
        boolean needsOperator = false;
        for (LoyaltyCardsStore.UserChain user : waiting.subList(0, Math.min(LISTED, waiting.size()))) {
            Optional<CardLink> link = cards.link(user.userId(), user.chainId());
            String state = link.map(l -> l.status() + (l.reason() == null ? "" : " (" + l.reason() + ")") + " posted " + l.posted())
                    .orElse("not drained yet");
            out.println("  " + user.userId() + " chain " + user.chainId() + ": " + state + ", waiting " + outbox(user.userId(), user.chainId()));
            needsOperator |= link.filter(LoyaltyStatus::needsOperator).isPresent();
        }
        if (waiting.size() > LISTED) {
            int more = waiting.size() - LISTED;
            out.println("  … and " + (waiting.size() >= READ ? more + "+" : Integer.toString(more)) + " more (ops status --user SUB shows one)");
        }
        return needsOperator;
    }

    /**
     * The user's links, and chains of {@code configured} where entries wait with no link yet (never drained).
     * @return whether a shown link needs the operator
     */
    boolean user(String userId, Set<Long> configured) {
        out.println("user " + userId);
        List<CardLink> links = cards.links(userId);
        Set<Long> unlinked = new LinkedHashSet<>(configured);
        boolean needsOperator = false;
        for (CardLink link : links) {
            unlinked.remove(link.chainId());
            out.println("  chain " + link.chainId());
            out.println("    card:                 " + (link.cardId() == null ? "none yet"
                    : link.cardId() + (link.companyId() == 0 ? "" : " (found or issued at company " + link.companyId() + ")")));
            out.println("    status:               " + link.status());
            out.println("    reason:               " + (link.reason() == null ? "none" : link.reason()));
            out.println("    status since:         " + (link.statusAt() == null ? "never set" : link.statusAt().toString()));
            out.println("    entries posted:       " + link.posted());
            out.println("    entries waiting:      " + outbox(userId, link.chainId()));
            out.println("    next reconciliation:  " + (link.reconcileDueMs() == null ? "none scheduled"
                    : Instant.ofEpochMilli(link.reconcileDueMs()).toString()));
            needsOperator |= needsOperator(link);
        }
        boolean shown = !links.isEmpty();
        for (long chainId : unlinked) {
            String waiting = outbox(userId, chainId);
            if (!waiting.equals("0")) {
                out.println("  chain " + chainId + ": no card link yet (never drained), entries waiting " + waiting);
                shown = true;
            }
        }
        if (!shown) {
            out.println("  no loyalty card link and nothing queued for a card: no entry of this user's went to a card yet");
        }
        return needsOperator;
    }

    /** The drain ends on these without the entry on the card; only a fixed cause (or the card read back) moves them. */
    static boolean needsOperator(CardLink link) {
        return link.status() == MirrorStatus.REFUSED || link.status() == MirrorStatus.UNCERTAIN;
    }

    private String outbox(String userId, long chainId) {
        return count(cards.outbox(userId, chainId, READ).size());
    }

    private static String count(int n) {
        return n >= READ ? READ + "+" : Integer.toString(n);
    }
}

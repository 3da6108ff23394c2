package io.ycbridge.loyalty;

import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.event.BonusFacts;
import io.ycbridge.event.DomainEvent;
import io.ycbridge.event.EventBus;
import io.ycbridge.event.EventType;
import io.ycbridge.observe.DecisionLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Once a day, from {@link #FROM} in the company's zone: a {@code BonusExpiring} event for each user and day on which
 * the card will burn some of their bonus within the notice window ({@link BonusExpiryPolicy}). Each notice is marked in
 * the user's ledger before it is published and unmarked if the bus refuses it, so a run cut short by its deadline, a
 * second run the same day, or one repeated by Lambda gives no notice twice; the day counts as done only once a run got
 * through every user with no notice refused, so until then each run of the cycle tries again.
 */
public final class BonusExpiryNotices {
    /** Not at night: the notice may become a push, and the morning is when a salon's client can still book a visit. */
    static final LocalTime FROM = LocalTime.of(10, 0);

    /** What a run did: notices published, users looked at, and whether the day is done. */
    public record Given(int notices, int users, boolean dayDone) {
        static final Given NONE = new Given(0, 0, false);
    }

    private final BonusExpirySettings settings;
    private final LoyaltySettings loyalty;
    private final BonusLedgerStore ledger;
    private final LoyaltyCardsStore cards;
    private final EventBus bus;
    private final Clock clock;
    private final DecisionLog log;

    public BonusExpiryNotices(BonusExpirySettings settings, LoyaltySettings loyalty, BonusLedgerStore ledger, LoyaltyCardsStore cards,
                              EventBus bus, Clock clock, DecisionLog log) {
        this.settings = settings;
        this.loyalty = loyalty;
        this.ledger = ledger;
        this.cards = cards;
        this.bus = bus;
        this.clock = clock;
        this.log = log;
    }

    public Given giveDue(Instant deadline) {
        Instant now = clock.instant();
        ZoneId zone = settings.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!settings.enabled() || now.atZone(zone).toLocalTime().isBefore(FROM) || cards.noticesGiven(today)) {
            return Given.NONE;
        }
        int notices = 0;
        int users = 0;
        boolean refused = false;
        for (BonusOwner user : ledger.usersWithBalance()) {
            if (!clock.instant().isBefore(deadline)) {
                return new Given(notices, users, false);
            }
            users++;
            List<BonusExpiryPolicy.Expiring> expiring = BonusExpiryPolicy.expiring(ledger.allEntries(user),
                    company -> loyalty.forCompany(company).isPresent(), settings.lifetime(), settings.notice(), now, zone);
            for (BonusExpiryPolicy.Expiring soon : expiring) {
                switch (give(user, soon, now, zone)) {
                    case PUBLISHED -> notices++;
                    case REFUSED -> refused = true;
                    case GIVEN_BEFORE -> { }
                }
            }
        }
        if (refused) {
            return new Given(notices, users, false);
        }
        cards.noticesGiven(today, now);
        return new Given(notices, users, true);
    }

    private enum Notice { PUBLISHED, REFUSED, GIVEN_BEFORE }

    private Notice give(BonusOwner user, BonusExpiryPolicy.Expiring soon, Instant now, ZoneId zone) {
        String userId = user.userId().orElseThrow();
        String name = "expiring-" + soon.day();
        if (!ledger.markNotice(user, name, now)) {
            return Notice.GIVEN_BEFORE;
        }
        DomainEvent event = new DomainEvent("bonus-" + name + "-" + userId, EventType.BONUS_EXPIRING, now.atZone(zone).toOffsetDateTime(),
                soon.companyId(), null, userId, null, BonusFacts.expiring(soon.amount(), soon.expiresAt().atZone(zone).toOffsetDateTime()));
        boolean taken = bus.publish(List.of(event)).isEmpty();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("companyId", soon.companyId());
        fields.put("day", soon.day().toString());
        fields.put("amount", soon.amount());
        fields.put("outcome", taken ? "NOTICE_PUBLISHED" : "NOTICE_REFUSED");
        if (taken) {
            log.info("bonus-expiry", fields);
        } else {
            // Unmarked, so the next run gives it again.
            ledger.unmarkNotice(user, name);
            log.error("bonus-expiry", fields);
        }
        return taken ? Notice.PUBLISHED : Notice.REFUSED;
    }
}

package io.ycbridge.event;

import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.edge.StreamChange;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * BonusLedgerTable stream item → the bonus event it is, if any ({@link BonusEventPolicy}). Entries are written once
 * and never edited, so only an INSERT of an entry item is news; the balance item beside it changes in the same
 * transaction and says nothing new. The event id is the entry's own deterministic id.
 */
public final class BonusEvents {
    private final ZoneId companyZone;

    public BonusEvents(ZoneId companyZone) {
        this.companyZone = companyZone;
    }

    public Optional<DomainEvent> of(StreamChange change) {
        Map<String, AttributeValue> image = change.newImage();
        if (!"INSERT".equals(change.eventName()) || !BonusLedgerStore.isEntry(image)) {
            return Optional.empty();
        }
        LedgerEntry entry = BonusLedgerStore.entry(image);
        return BonusEventPolicy.of(entry).map(type -> new DomainEvent(
                "bonus-" + entry.id(), type, entry.version().atZone(companyZone).toOffsetDateTime(), entry.companyId(),
                entry.recordId() > 0 ? entry.recordId() : null, entry.owner().userId().orElseThrow(), null,
                BonusFacts.moved(entry.id(), entry.amount().abs(), entry.origin().source().name().toLowerCase(java.util.Locale.ROOT),
                        entry.origin().reason())));
    }
}

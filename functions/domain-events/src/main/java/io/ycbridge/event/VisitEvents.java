package io.ycbridge.event;

import io.ycbridge.edge.StreamChange;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.record.VisitStatus;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * RecordsTable stream item → the visit event it is, if any ({@link VisitEventPolicy}). The user is the one whose proven
 * phone the record names (the rule that names the owner of its bonus), looked up only for a change that is news.
 */
public final class VisitEvents {
    private final Function<String, Optional<String>> userForPhone;
    private final ZoneId companyZone;

    /**
     * @param userForPhone the app user linked to an E.164 phone ({@code UserLinkStore::userForPhone})
     * @param companyZone  the zone a change time is told in when the record has no start to take the offset from
     */
    public VisitEvents(Function<String, Optional<String>> userForPhone, ZoneId companyZone) {
        this.userForPhone = userForPhone;
        this.companyZone = companyZone;
    }

    public Optional<DomainEvent> of(StreamChange change) {
        if ("REMOVE".equals(change.eventName())) {
            // The records store never deletes (YClients' deletion is deleted=true in a MODIFY): a REMOVE is an operator's clean-up.
            return Optional.empty();
        }
        Map<String, AttributeValue> newImage = change.newImage();
        if (newImage == null) {
            throw new IllegalArgumentException("stream item without a new image: the stream must be NEW_AND_OLD_IMAGES");
        }
        Map<String, AttributeValue> oldImage = change.oldImage();
        StoredRecord after = RecordItem.fromItem(newImage);
        StoredRecord before = oldImage == null ? null : RecordItem.fromItem(oldImage);
        return VisitEventPolicy.change(before, placeholder(oldImage, before), after, placeholder(newImage, after))
                .map(type -> event(type, before, after, RecordItem.revision(newImage)));
    }

    private DomainEvent event(EventType type, StoredRecord before, StoredRecord after, long revision) {
        String id = after.companyId() + "-" + after.recordId() + "-" + type.slug() + "-" + after.changedAt().toEpochMilli()
                + (revision == 0 ? "" : "-r" + revision);
        OffsetDateTime occurredAt = after.startsAt() != null
                ? after.changedAt().atOffset(after.startsAt().getOffset())
                : after.changedAt().atZone(companyZone).toOffsetDateTime();
        String user = after.clientPhoneE164() == null ? null : userForPhone.apply(after.clientPhoneE164()).orElse(null);
        boolean move = type == EventType.VISIT_RESCHEDULED;
        VisitFacts visit = new VisitFacts(after.startsAt(), move ? before.startsAt() : null, after.staffId(),
                move ? before.staffId() : null,
                after.services().stream().map(StoredService::id).distinct().sorted().toList(), after.total(),
                VisitStatus.of(after).wire());
        return new DomainEvent(id, type, occurredAt, after.companyId(), after.recordId(), user, visit, null);
    }

    /**
     * A version made up for a delivery that carried none, which says nothing of the visit. Not the complete version the
     * store marks deleted on a data-less "delete" ({@code RecordStore.markDeleted}): only its date is made up, and the
     * deletion is YClients' word — without it the app would never hear of the cancellation, since the API's own deleted
     * version that replaces it later follows a placeholder.
     */
    private static boolean placeholder(Map<String, AttributeValue> image, StoredRecord version) {
        return image != null && image.containsKey(RecordItem.PLACEHOLDER) && version.incomplete();
    }
}

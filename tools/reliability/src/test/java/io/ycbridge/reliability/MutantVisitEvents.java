package io.ycbridge.reliability;

import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.event.DomainEvent;
import io.ycbridge.event.EventBus;
import io.ycbridge.event.EventType;
import io.ycbridge.event.StreamEventPublisher;
import io.ycbridge.event.VisitEvents;
import io.ycbridge.event.VisitFacts;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.StoredRecord;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A visit events function that is wrong on purpose, which {@link VisitEventOracle} must catch when it reads the same
 * stream: one calls noise news, one is not told when the bus refuses (so nothing is retried), one takes the cancelling
 * of a completed visit for no news. Each publishes as the real function does ({@link StreamEventPublisher}
 * over the real {@link VisitEvents}) to a bus in memory that refuses every {@value RefusingEventBus#REFUSE_EVERY}th call.
 */
final class MutantVisitEvents {
    enum Mutant {
        NOISE_IS_NEWS("noise is news"),
        REFUSALS_UNREPORTED("refusals not reported"),
        CANCELLING_A_COMPLETED_VISIT_IS_NO_NEWS("cancelling a completed visit is no news");

        final String title;

        Mutant(String title) {
            this.title = title;
        }
    }

    private final Mutant mutant;
    private final VisitEvents real = new VisitEvents(phone -> Optional.empty(), ZoneId.of("Europe/Moscow"));
    private final List<RefusingEventBus.Taken> taken = new ArrayList<>();
    private final StreamEventPublisher publisher;
    private int calls;

    MutantVisitEvents(Mutant mutant) {
        this.mutant = mutant;
        LogSink quiet = line -> {
        };
        this.publisher = new StreamEventPublisher(this::derive, this::publish, new DecisionLog("visit-events-mutant", quiet, Clock.systemUTC()),
                new EmfMetrics("visit-events-mutant", quiet, Clock.systemUTC()));
    }

    /** The function, as a stream reader calls it. */
    BatchItemFailures handle(List<StreamChange> batch) {
        return publisher.publish(batch);
    }

    List<RefusingEventBus.Taken> taken() {
        return List.copyOf(taken);
    }

    private Optional<DomainEvent> derive(StreamChange change) {
        Optional<DomainEvent> event = real.of(change);
        return switch (mutant) {
            case NOISE_IS_NEWS -> event.isPresent() || !"MODIFY".equals(change.eventName()) ? event : Optional.of(moved(change));
            case CANCELLING_A_COMPLETED_VISIT_IS_NO_NEWS -> event.filter(found -> found.type() != EventType.VISIT_CANCELLED
                    || !completed(RecordItem.fromItem(change.oldImage())));
            case REFUSALS_UNREPORTED -> event;
        };
    }

    /** The bus in memory: every {@value RefusingEventBus#REFUSE_EVERY}th call refused as a whole. */
    private Set<String> publish(List<DomainEvent> events) {
        calls++;
        Set<String> refused = new LinkedHashSet<>();
        for (DomainEvent event : events) {
            if (calls % RefusingEventBus.REFUSE_EVERY == 0) {
                refused.add(event.id());
            } else {
                taken.add(new RefusingEventBus.Taken(event.id(), event.type().wire(), event.detail()));
            }
        }
        return mutant == Mutant.REFUSALS_UNREPORTED ? Set.of() : refused;
    }

    private static boolean completed(StoredRecord record) {
        return record.came() && record.paidFull() && !record.deleted();
    }

    /** A move made up from a version that is no news, under the id the real function would give it. */
    private static DomainEvent moved(StreamChange change) {
        StoredRecord after = RecordItem.fromItem(change.newImage());
        long revision = RecordItem.revision(change.newImage());
        String id = after.companyId() + "-" + after.recordId() + "-visit-rescheduled-" + after.changedAt().toEpochMilli()
                + (revision == 0 ? "" : "-r" + revision);
        VisitFacts visit = new VisitFacts(after.startsAt(), after.startsAt(), after.staffId(), after.staffId(), List.of(), after.total(),
                "booked");
        return new DomainEvent(id, EventType.VISIT_RESCHEDULED, after.changedAt().atZone(ZoneId.of("Europe/Moscow")).toOffsetDateTime(),
                after.companyId(), after.recordId(), null, visit, null);
    }
}

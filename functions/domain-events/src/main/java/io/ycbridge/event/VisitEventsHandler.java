package io.ycbridge.event;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.observe.LogSink;
import java.util.List;
import java.util.function.Supplier;

/**
 * RecordsTable stream → Visit* domain events on the bus (see {@link StreamEventPublisher} for what is retried and how
 * a consumer tells a repeat). Never the webhook path: the stream carries what the store kept, once per forward change.
 */
public final class VisitEventsHandler extends TriggerHandler<List<StreamChange>, BatchItemFailures> {
    static final String COMPONENT = "visit-events";
    private final Supplier<StreamEventPublisher> publisher;

    public VisitEventsHandler() {
        this(LiveSettings.fromEnvironment());
    }

    public VisitEventsHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public VisitEventsHandler(LiveSettings settings) {
        this(settings.bind(config -> EventsWiring.visits(config, COMPONENT, LogSink.STDOUT)));
    }

    VisitEventsHandler(StreamEventPublisher publisher) {
        this(() -> publisher);
    }

    private VisitEventsHandler(Supplier<StreamEventPublisher> publisher) {
        super(Trigger.DYNAMODB_STREAM);
        this.publisher = publisher;
    }

    @Override
    public BatchItemFailures handle(List<StreamChange> batch, Context context) {
        return publisher.get().publish(batch);
    }
}

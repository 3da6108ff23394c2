package io.ycbridge.loyalty;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.config.Config;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * BonusLedgerTable stream → the loyalty-card outbox → the cards. Each new entry is queued first (a failure to queue is
 * the one thing reported as a batch item failure, so Lambda delivers it again); then each user touched is drained. A
 * drain that cannot post leaves the entries queued for the scheduled cycle, so an API outage never holds the stream.
 */
public final class LoyaltyMirrorHandler extends TriggerHandler<List<StreamChange>, BatchItemFailures> {
    private static final String COMPONENT = "loyalty-mirror";
    private final Supplier<LoyaltyMirror> mirror;
    private final DecisionLog log;

    public LoyaltyMirrorHandler() {
        this(LiveSettings.fromEnvironment());
    }

    public LoyaltyMirrorHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change: LOYALTY_CARDS is among them. */
    public LoyaltyMirrorHandler(LiveSettings settings) {
        this(settings.bind(config -> LoyaltyWiring.from(config, COMPONENT).mirror()), LogSink.STDOUT);
    }

    LoyaltyMirrorHandler(LoyaltyMirror mirror, LogSink sink) {
        this(() -> mirror, sink);
    }

    private LoyaltyMirrorHandler(Supplier<LoyaltyMirror> mirror, LogSink sink) {
        super(Trigger.DYNAMODB_STREAM);
        this.mirror = mirror;
        this.log = new DecisionLog(COMPONENT, sink, Clock.systemUTC());
    }

    @Override
    public BatchItemFailures handle(List<StreamChange> batch, Context context) {
        LoyaltyMirror current = mirror.get();
        List<String> failures = new ArrayList<>();
        Set<LoyaltyCardsStore.UserChain> touched = new LinkedHashSet<>();
        for (StreamChange change : batch) {
            Map<String, AttributeValue> image = change.newImage();
            if (!"INSERT".equals(change.eventName()) || !BonusLedgerStore.isEntry(image)) {
                continue;
            }
            try {
                LedgerEntry entry = BonusLedgerStore.entry(image);
                current.enqueue(entry).ifPresent(chain -> touched.add(new LoyaltyCardsStore.UserChain(entry.owner().userId().orElseThrow(), chain)));
            } catch (RuntimeException e) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("sequence", change.sequenceNumber());
                fields.put("outcome", "QUEUE_FAILED");
                fields.put("error", e.getClass().getSimpleName());
                log.error("loyalty-mirror", fields);
                failures.add(change.sequenceNumber());
            }
        }
        for (LoyaltyCardsStore.UserChain user : touched) {
            drainQuietly(current, user);
        }
        return new BatchItemFailures(failures);
    }

    /** The entries are queued: a drain that fails here is the cycle's to repeat (the drain left them to it), not the stream's. */
    private void drainQuietly(LoyaltyMirror current, LoyaltyCardsStore.UserChain user) {
        try {
            current.drain(user.userId(), user.chainId());
        } catch (RuntimeException e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("chainId", user.chainId());
            fields.put("outcome", "DRAIN_FAILED");
            fields.put("error", e.getClass().getSimpleName());
            log.error("loyalty-mirror", fields);
        }
    }
}

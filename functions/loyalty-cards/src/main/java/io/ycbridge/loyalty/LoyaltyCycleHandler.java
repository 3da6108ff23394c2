package io.ycbridge.loyalty;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.edge.ScheduleTick;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.yclients.ApiJson;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The loyalty cards' scheduled run (SyncSchedule's rate): what came back from the cards, what waits to go out, the
 * reconciliations due; answers the run's summary. Stops 30 seconds before the invocation's own end, so a lease is always released.
 */
public final class LoyaltyCycleHandler extends TriggerHandler<ScheduleTick, JsonNode> {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final Duration MARGIN = Duration.ofSeconds(30);
    /** LoyaltyCycleFunction's Timeout in template.yaml. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private final Supplier<LoyaltyCycle> cycle;

    public LoyaltyCycleHandler() {
        this(LiveSettings.fromEnvironment());
    }

    public LoyaltyCycleHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    public LoyaltyCycleHandler(LiveSettings settings) {
        this(settings.bind(config -> LoyaltyWiring.from(config, "loyalty-cycle").cycle(config)));
    }

    LoyaltyCycleHandler(LoyaltyCycle cycle) {
        this(() -> cycle);
    }

    private LoyaltyCycleHandler(Supplier<LoyaltyCycle> cycle) {
        super(Trigger.SCHEDULE);
        this.cycle = cycle;
    }

    @Override
    public JsonNode handle(ScheduleTick tick, Context context) {
        // Without a context (a direct call) the template's Timeout is what the run may take.
        long remaining = context != null && context.getRemainingTimeInMillis() > 0 ? context.getRemainingTimeInMillis() : TIMEOUT.toMillis();
        return JSON.valueToTree(cycle.get().run(Duration.ofMillis(Math.max(0, remaining - MARGIN.toMillis()))));
    }
}

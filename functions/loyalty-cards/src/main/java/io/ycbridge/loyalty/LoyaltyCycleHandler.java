package io.ycbridge.loyalty;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.edge.ScheduleTick;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The loyalty cards' scheduled run (SyncSchedule's rate): what came back from the cards, what waits to go out, the
 * reconciliations due. Stops 30 seconds before the invocation's own end, so a lease is always released.
 */
public final class LoyaltyCycleHandler extends TriggerHandler<ScheduleTick, LoyaltyCycle.Summary> {
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private final Supplier<LoyaltyCycle> cycle;

    public LoyaltyCycleHandler() {
        this(LiveSettings.fromEnvironment());
    }

    public LoyaltyCycleHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    public LoyaltyCycleHandler(LiveSettings settings) {
        this(settings.bind(config -> LoyaltyWiring.from(config, "loyalty-cycle").cycle()));
    }

    LoyaltyCycleHandler(LoyaltyCycle cycle) {
        this(() -> cycle);
    }

    private LoyaltyCycleHandler(Supplier<LoyaltyCycle> cycle) {
        super(Trigger.SCHEDULE);
        this.cycle = cycle;
    }

    @Override
    public LoyaltyCycle.Summary handle(ScheduleTick tick, Context context) {
        Instant deadline = Instant.now().plusMillis(Math.max(0, context.getRemainingTimeInMillis() - MARGIN.toMillis()));
        return cycle.get().run(deadline);
    }
}

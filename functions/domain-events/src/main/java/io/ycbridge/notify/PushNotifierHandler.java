package io.ycbridge.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.BusEvent;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.event.EventType;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.push.PushSettings;
import io.ycbridge.push.PushStore;
import io.ycbridge.push.SnsEndpoints;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The bus's rule for the domain events → {@link PushNotifier}; the schedule's tick (every 15 minutes) releases the
 * pushes held for the end of quiet hours. Answers what it did; a push SNS could not take fails the invocation, which
 * Lambda retries and then sends to the on-failure destination.
 */
public final class PushNotifierHandler extends TriggerHandler<BusEvent, JsonNode> {
    private final Supplier<PushNotifier> notifier;

    public PushNotifierHandler() {
        this(LiveSettings.fromEnvironment());
    }

    public PushNotifierHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public PushNotifierHandler(LiveSettings settings) {
        this(settings.bind(PushNotifierHandler::fromConfig));
    }

    PushNotifierHandler(PushNotifier notifier) {
        this(() -> notifier);
    }

    private PushNotifierHandler(Supplier<PushNotifier> notifier) {
        super(Trigger.BUS_EVENT);
        this.notifier = notifier;
    }

    static PushNotifier fromConfig(Config config) {
        AwsClients aws = AwsClients.from(config);
        PushSettings settings = PushSettings.from(config);
        for (String type : settings.events()) {
            if (EventType.ofWire(type).isEmpty()) {
                throw new ConfigException(EnvVar.PUSH_EVENTS.name(), EnvVar.PUSH_EVENTS.name() + " names " + type
                        + ", which is no domain event (VisitBooked, VisitRescheduled, VisitCancelled, VisitCompleted, BonusAccrued, BonusReversed, BonusRedeemed, BonusExpiring)");
            }
        }
        Clock clock = Clock.systemUTC();
        return new PushNotifier(settings, new PushStore(aws.dynamoDb(), config.require(EnvVar.PUSH_TABLE), ApiJson.mapper()),
                SnsEndpoints.to(aws.settings(), aws.http()), config.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow")),
                ApiJson.mapper(), clock, new DecisionLog("push", LogSink.STDOUT, clock));
    }

    @Override
    public JsonNode handle(BusEvent event, Context context) {
        PushNotifier push = notifier.get();
        if (event.tick()) {
            return ApiJson.mapper().createObjectNode().put("released", push.releaseDue());
        }
        return ApiJson.mapper().createObjectNode().put("outcome", push.notify(event.detailType(), event.detail()).name());
    }
}

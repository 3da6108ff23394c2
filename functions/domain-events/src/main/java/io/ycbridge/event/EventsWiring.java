package io.ycbridge.event;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.time.ZoneId;

/** The two stream publishers from a deploy's settings: EVENT_BUS_NAME, COMPANY_TIME_ZONE and, for visits, USER_LINKS_TABLE. */
final class EventsWiring {
    private EventsWiring() {
    }

    static StreamEventPublisher visits(Config config, String component, LogSink sink) {
        AwsClients aws = AwsClients.from(config);
        UserLinkStore links = new UserLinkStore(aws.dynamoDb(), config.require(EnvVar.USER_LINKS_TABLE));
        return publisher(new VisitEvents(links::userForPhone, zone(config))::of, config, aws, component, sink);
    }

    static StreamEventPublisher bonuses(Config config, String component, LogSink sink) {
        return publisher(new BonusEvents(zone(config))::of, config, AwsClients.from(config), component, sink);
    }

    private static StreamEventPublisher publisher(java.util.function.Function<io.ycbridge.edge.StreamChange,
            java.util.Optional<DomainEvent>> derive, Config config, AwsClients aws, String component, LogSink sink) {
        EventBus bus = EventBridgeBus.to(config.require(EnvVar.EVENT_BUS_NAME), aws.settings(), aws.http(), ApiJson.mapper());
        return new StreamEventPublisher(derive, bus, new DecisionLog(component, sink, Clock.systemUTC()),
                new EmfMetrics(component, sink, Clock.systemUTC()));
    }

    private static ZoneId zone(Config config) {
        return config.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow"));
    }
}

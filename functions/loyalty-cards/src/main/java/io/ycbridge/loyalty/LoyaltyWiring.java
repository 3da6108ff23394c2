package io.ycbridge.loyalty;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.event.EventBridgeBus;
import io.ycbridge.event.EventBus;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.secret.SecretSource;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The loyalty cards' parts from settings: the tables, and the YClients API behind the partner token's one shared
 * schedule (SyncStateTable), so the mirror, the feed and the sync together stay within YClients' limits.
 */
public record LoyaltyWiring(LoyaltySettings settings, LoyaltyCardsStore cards, BonusLedgerStore ledger, UserLinkStore links, YClientsAccess api,
                            Clock clock, DecisionLog log, EmfMetrics metrics) {

    public static LoyaltyWiring from(Config config, String component) {
        AwsClients aws = AwsClients.from(config);
        LoyaltySettings settings = LoyaltySettings.from(config);
        YClientsAccess api = YClientsAccess.builder(config, SecretSource.fromConfig(config, aws::secretsManager))
                .sharedRateLimit(aws.dynamoDb(), config.require(EnvVar.SYNC_STATE_TABLE), 1)
                .build();
        return of(config, aws, api, settings, component, Clock.systemUTC());
    }

    /** The same parts around a given API: the local stack's and the tests'. */
    public static LoyaltyWiring of(Config config, AwsClients aws, YClientsAccess api, LoyaltySettings settings, String component, Clock clock) {
        return new LoyaltyWiring(settings,
                new LoyaltyCardsStore(aws.dynamoDb(), config.require(EnvVar.LOYALTY_CARDS_TABLE)),
                new BonusLedgerStore(aws.dynamoDb(), config.require(EnvVar.BONUS_LEDGER_TABLE)),
                new UserLinkStore(aws.dynamoDb(), config.require(EnvVar.USER_LINKS_TABLE)),
                api, clock, new DecisionLog(component, LogSink.STDOUT, clock), new EmfMetrics(component, LogSink.STDOUT, clock));
    }

    public LoyaltyMirror mirror() {
        return new LoyaltyMirror(settings, cards, ledger, links, api, clock, log, metrics);
    }

    public LoyaltyFeed feed() {
        return new LoyaltyFeed(cards, ledger, api, clock, log, metrics);
    }

    public LoyaltyReconciliation reconciliation() {
        return new LoyaltyReconciliation(settings, cards, ledger, links, feed(), api, clock, log, metrics);
    }

    /** The cycle; its expiry notices publish to {@code bus}, when BONUS_EXPIRY_DAYS turns them on. */
    public LoyaltyCycle cycle(BonusExpirySettings expiry, EventBus bus) {
        return new LoyaltyCycle(settings, cards, feed(), mirror(), reconciliation(),
                new BonusExpiryNotices(expiry, settings, ledger, cards, bus, clock, log), clock, log);
    }

    /** The cycle as deployed: the notices' settings and EVENT_BUS_NAME's bus from the same settings. */
    public LoyaltyCycle cycle(Config config) {
        BonusExpirySettings expiry = BonusExpirySettings.from(config);
        EventBus bus = expiry.enabled() ? EventBridgeBus.to(config.require(EnvVar.EVENT_BUS_NAME), AwsSettings.from(config),
                UrlConnectionHttpClient.create(), ApiJson.mapper()) : events -> {
                    throw new IllegalStateException("no bus: BONUS_EXPIRY_DAYS is unset, so no notice is due");
                };
        return cycle(expiry, bus);
    }
}

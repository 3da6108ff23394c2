package io.ycbridge.app.booking;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.app.profile.ProfileStore;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.secret.SecretSource;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * What the online-booking and visits routes are made of, from settings: the YClients API behind the sync's shared
 * rate limiter (SyncStateTable; one slot per lease, as a user waits for each request), the tables, the link to fall
 * back on.
 */
public record OnlineBookingWiring(Set<Long> companies, CatalogReader catalog, ProfileStore profiles, UserLinkStore links,
                                  BookingStore bookings, YClientsAccess api, BookingFallback fallback, Clock clock) {

    public static OnlineBookingWiring from(Config config) {
        AwsClients aws = AwsClients.from(config);
        Set<Long> companies = new HashSet<>(config.requireIds(EnvVar.COMPANY_IDS));
        CatalogReader catalog = CatalogReader.fromConfig(config, aws.dynamoDb());
        ProfileStore profiles = new ProfileStore(aws.dynamoDb(), config.require(EnvVar.PROFILES_TABLE));
        YClientsAccess api = api(config, aws);
        BookingFallback fallback = new BookingFallback(new BookingLinkService(companies, BookingForms.from(config), catalog, profiles,
                new BookingLinkFormat()));
        return new OnlineBookingWiring(companies, catalog, profiles, new UserLinkStore(aws.dynamoDb(), config.require(EnvVar.USER_LINKS_TABLE)),
                new BookingStore(aws.dynamoDb(), config.require(EnvVar.BOOKINGS_TABLE)), api, fallback, Clock.systemUTC());
    }

    /** The API as a route a user waits for reaches it: the partner token's one shared schedule, a slot at a time. */
    public static YClientsAccess api(Config config, AwsClients aws) {
        return YClientsAccess.builder(config, SecretSource.fromConfig(config, aws::secretsManager))
                .sharedRateLimit(aws.dynamoDb(), config.require(EnvVar.SYNC_STATE_TABLE), 1)
                .build();
    }

    public AvailabilityService availability() {
        return new AvailabilityService(companies, new RecentCatalog(catalog, clock), api, fallback, clock);
    }

    public BookingService booking() {
        return new BookingService(companies, new RecentCatalog(catalog, clock), profiles, links, bookings, api, new NextFreeTimes(api), fallback, clock,
                new DecisionLog("booking", LogSink.STDOUT, clock));
    }
}

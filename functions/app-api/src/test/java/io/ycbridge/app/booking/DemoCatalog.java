package io.ycbridge.app.booking;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.fixture.Tables;
import io.ycbridge.catalog.CatalogEntry;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.app.profile.Profile;
import io.ycbridge.app.profile.ProfileStore;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.YClientsClient;
import io.ycbridge.yclients.model.Service;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The simulator's demo seed, read through the real client and stored the way catalog sync stores it, then a second
 * sync after service 305 and master 57 left the lists (so they are kept, marked deleted). The handlers then run with
 * the simulator closed: only our tables are read.
 */
public final class DemoCatalog {
    static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    /** Served by the deployment, but no booking form configured. */
    static final long NO_FORM = 240012;
    static final String USER = "user-sub-1";
    static final BookingForms FORMS = BookingForms.parse("235564:n239661.yclients.com,1169323:https://n1180001.alteg.io");

    private DemoCatalog() {
    }

    /** The sync's stored service shape (catalog-sync's SyncedService): the API's service without its masters. */
    record StoredService(long id, String title, @JsonProperty("category_id") Long categoryId, @JsonProperty("price_min") BigDecimal priceMin,
                         @JsonProperty("price_max") BigDecimal priceMax, Integer duration, Boolean active, Integer weight) {
        static StoredService of(Service s) {
            return new StoredService(s.id(), s.title(), s.categoryId(), s.priceMin(), s.priceMax(), s.duration(), s.active(), s.weight());
        }
    }

    /** The companies the demo serves: the salon, its branch, and a company without a booking form. */
    public static final Set<Long> SERVED = Set.of(SALON, BRANCH, NO_FORM);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);

    static BookingLinkService service(DynamoDbClient dynamoDb) {
        ProfileStore profiles = new ProfileStore(dynamoDb, Tables.create(dynamoDb, TableDefinitions.PROFILES));
        profiles.put(new Profile(USER, "Анна Смирнова", "+79990000000", null, "APP-1001", CLOCK.instant()));
        return new BookingLinkService(SERVED, FORMS, reader(dynamoDb), profiles, new BookingLinkFormat());
    }

    /** A fresh CatalogTable with the demo seed synced, then service 305 and master 57 deleted and synced again. */
    public static CatalogReader reader(DynamoDbClient dynamoDb) {
        Clock clock = CLOCK;
        CatalogStore catalog = new CatalogStore(dynamoDb, Tables.create(dynamoDb, TableDefinitions.CATALOG), clock);
        try (YClientsSimulator sim = YClientsSimulator.start()) {
            sim.seed(SimulatorSeed.demo());
            YClientsClient client = YClientsClient.builder()
                    .baseUri(sim.baseUri())
                    .credentials(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                    .rateLimiter(RateLimiter.UNLIMITED)
                    .sleeper(duration -> { })
                    .build();
            for (long company : List.of(SALON, BRANCH)) {
                sync(client, catalog, company);
            }
            sim.data().removeService(SALON, 305);
            sim.data().removeStaff(SALON, 57);
            sync(client, catalog, SALON);
        }
        return new CatalogReader(catalog);
    }

    private static void sync(YClientsClient client, CatalogStore catalog, long company) {
        catalog.sync(company, CatalogKind.SERVICE, entries(client.services(company).stream().map(StoredService::of).toList(), StoredService::id));
        catalog.sync(company, CatalogKind.CATEGORY, entries(client.serviceCategories(company), c -> c.id()));
        catalog.sync(company, CatalogKind.STAFF, entries(client.staff(company), s -> s.id()));
    }

    private static <T> List<CatalogEntry> entries(List<T> items, ToLongFunction<T> id) {
        return items.stream().map(item -> {
            try {
                return new CatalogEntry(id.applyAsLong(item), ApiJson.mapper().writeValueAsString(item));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }


    static Map<String, String> noHeaders() {
        return Map.of();
    }
}

package io.ycbridge.bonus;

import io.ycbridge.fixture.Tables;
import io.ycbridge.simulator.MovableClock;

import static io.ycbridge.bonus.Visits.CLIENT;
import static io.ycbridge.bonus.Visits.COMPANY;
import static io.ycbridge.bonus.Visits.PHONE;
import static io.ycbridge.bonus.Visits.came;
import static io.ycbridge.bonus.Visits.money;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ycbridge.catalog.CatalogEntry;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.table.TableDefinitions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Category exclusions end to end: the catalog sync's items in CatalogTable decide what a visit earns. */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusCategoryExclusionTest {
    private static final BonusOwner OWNER = BonusOwner.user("user-sub-1");
    private static final long BEARD_CARE = 20;
    private final DynamoDbClient client;
    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private CatalogStore catalog;
    private Ledger ledger;

    BonusCategoryExclusionTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void catalogAndLedger() {
        catalog = new CatalogStore(client, Tables.create(client, TableDefinitions.CATALOG), clock);
        syncServices(new CatalogEntry(301, "{\"category_id\":10,\"id\":301,\"title\":\"Haircut\"}"),
                new CatalogEntry(302, "{\"category_id\":20,\"id\":302,\"title\":\"Beard trim\"}"));
        ledger = new Ledger(client, BonusRules.percent("5").withExcludedCategories(Set.of(BEARD_CARE)),
                new CatalogCategories(catalog, clock));
        ledger.service.linkProvenPhone("user-sub-1", PHONE);
    }

    @Test
    void aServiceInAnExcludedCategoryEarnsNothing() {
        AccrualResult result = ledger.service.accrue(came(9001, 5));

        assertEquals(AccrualOutcome.APPLIED, result.outcome());
        assertEquals(money("75.00"), result.amount(), "5% of the haircut's 1500.00; the beard trim's category is excluded");
        assertEquals(ledger.sum(OWNER), ledger.store.balance(OWNER));
    }

    @Test
    void aServiceNotInTheCatalogYetEarnsAndTheNextVersionAfterTheSyncConverges() {
        StoredRecord visit = Visits.withServices(came(9002, 5), 5, List.of(new StoredService(303, "Beard oil", new BigDecimal("1000.00"), 1)));
        assertEquals(money("50.00"), ledger.service.accrue(visit).amount(), "unknown category: not excluded");

        syncServices(new CatalogEntry(301, "{\"category_id\":10,\"id\":301}"), new CatalogEntry(302, "{\"category_id\":20,\"id\":302}"),
                new CatalogEntry(303, "{\"category_id\":20,\"id\":303}"));
        assertEquals(AccrualOutcome.UNCHANGED, ledger.service.accrue(Visits.withServices(visit, 6, visit.services())).outcome(),
                "within the TTL the cached catalog still decides");

        clock.advance(CatalogCategories.TTL.plus(Duration.ofSeconds(1)));
        AccrualResult reversed = ledger.service.accrue(Visits.withServices(visit, 7, visit.services()));
        assertEquals(EntryKind.REVERSAL, reversed.kind());
        assertEquals(money("-50.00"), reversed.amount());
        assertEquals(money("0.00"), ledger.store.balance(OWNER));
        assertEquals(ledger.sum(OWNER), ledger.store.balance(OWNER));
    }

    private void syncServices(CatalogEntry... services) {
        catalog.sync(COMPANY, CatalogKind.SERVICE, List.of(services));
    }
}

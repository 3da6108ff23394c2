package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.money;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.catalog.CatalogEntry;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.config.Config;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The handler as Lambda builds it, from its environment alone (the other tests hand it a service): the ledger, the
 * links and the synced catalog in their tables on DynamoDB Local, driven by stream batches from events/bonus-accrual.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusAccrualDeployedTest {
    private final LocalDynamoDb dynamoDb;
    private final Map<String, String> environment = new HashMap<>();
    private BonusLedgerStore ledger;
    private CatalogStore catalog;

    BonusAccrualDeployedTest(LocalDynamoDb dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void tables() {
        String ledgerTable = Tables.create(dynamoDb.client(), TableDefinitions.BONUS_LEDGER);
        String catalogTable = Tables.create(dynamoDb.client(), TableDefinitions.CATALOG);
        ledger = new BonusLedgerStore(dynamoDb.client(), ledgerTable);
        catalog = new CatalogStore(dynamoDb.client(), catalogTable, Clock.systemUTC());
        environment.putAll(Map.of(
                "AWS_REGION", LocalDynamoDb.REGION.id(),
                "AWS_ENDPOINT_URL", dynamoDb.endpoint().toString(),
                "COMPANY_IDS", "235564",
                "BONUS_LEDGER_TABLE", ledgerTable,
                "USER_LINKS_TABLE", Tables.create(dynamoDb.client(), TableDefinitions.USER_LINKS),
                "CATALOG_TABLE", catalogTable,
                "BONUS_PERCENT", "5"));
    }

    private JsonNode deliver(String event) throws Exception {
        BonusAccrualHandler handler = new BonusAccrualHandler(Config.of(environment));
        return ApiJson.mapper().readTree(Invocations.invoke(handler, Files.readAllBytes(Path.of("../../events/bonus-accrual/" + event))));
    }

    /**
     * 9101 names client 4101 without a phone, 9102 the same client with one, 9103 the client without it again: the first
     * visit's bonus follows the phone once a record shows it (read back from the ledger and moved), the third finds the
     * phone through the client's link.
     */
    @Test
    void aClientsVisitsWithoutAPhoneFollowThePhoneOnceARecordShowsIt() throws Exception {
        assertEquals("{\"batchItemFailures\":[]}", deliver("client-phone-learned.json").toString());

        assertEquals(money("297.00"), ledger.balance(BonusOwner.pendingPhone("+79990000011")), "three visits of 99.00, all under the phone");
        assertEquals(money("0.00"), ledger.balance(BonusOwner.pendingClient(235564, 4101)), "nothing left under the client id");
    }

    @Test
    void anExcludedCategoryEarnsNothingByTheSyncedCatalog() throws Exception {
        catalog.sync(235564, CatalogKind.SERVICE, List.of(new CatalogEntry(301, "{\"category_id\":10,\"id\":301,\"title\":\"Haircut\"}"),
                new CatalogEntry(302, "{\"category_id\":20,\"id\":302,\"title\":\"Beard trim\"}")));
        environment.put("BONUS_EXCLUDED_CATEGORY_IDS", "20");

        assertEquals("{\"batchItemFailures\":[]}", deliver("record-completed.json").toString());

        assertEquals(money("75.00"), ledger.balance(BonusOwner.pendingPhone("+79990000001")), "5% of the haircut; the beard trim's category is excluded");
    }
}

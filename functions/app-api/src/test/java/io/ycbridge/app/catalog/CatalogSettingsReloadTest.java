package io.ycbridge.app.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.MotoSsm;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.table.TableDefinitions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deploy that adds a company reaches a running catalog function without a new version: the stack rewrites the
 * settings parameter (moto's SSM here), and the function, built once, serves the company after the settings' TTL.
 */
@ExtendWith({LocalDynamoDbExtension.class, MotoServerExtension.class})
class CatalogSettingsReloadTest {
    private static final String PARAMETER = "/ycbridge/reload-test/settings";

    @Test
    void aCompanyAddedToTheSettingsIsServedAfterTheTtlWithoutARestart(LocalDynamoDb dynamoDb, MotoServer moto) throws Exception {
        MotoSsm.put(moto, PARAMETER, "COMPANY_IDS=1169323\n");
        MovableClock clock = new MovableClock();
        CatalogHandler handler = new CatalogHandler(LiveSettings.from(Config.of(Map.of(
                "AWS_REGION", LocalDynamoDb.REGION.id(),
                "AWS_ENDPOINT_URL", dynamoDb.endpoint().toString(),
                "AWS_ENDPOINT_URL_SSM", moto.endpoint().toString(),
                "CATALOG_TABLE", Tables.create(dynamoDb.client(), TableDefinitions.CATALOG),
                "SETTINGS_PARAMETER", PARAMETER)), clock));

        HttpResponse before = handler.handle(CatalogHandlerTest.event("catalog"), null);
        assertEquals(404, before.status());
        assertTrue(before.body().contains("235564 is not served here"), before.body());

        MotoSsm.put(moto, PARAMETER, "COMPANY_IDS=1169323,235564\n");
        assertEquals(404, handler.handle(CatalogHandlerTest.event("catalog"), null).status(), "within the TTL the old settings hold");
        clock.advance(Duration.ofSeconds(60));

        HttpResponse after = handler.handle(CatalogHandlerTest.event("catalog"), null);
        assertFalse(after.body() != null && after.body().contains("not served here"), "company 235564 is served now: " + after.body());
    }

}

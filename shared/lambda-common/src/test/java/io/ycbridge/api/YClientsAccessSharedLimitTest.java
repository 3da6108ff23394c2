package io.ycbridge.api;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.secret.SecretSource;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinitions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The functions' wiring of the shared limit: a real 429 from the simulator reaches the schedule item and the metric. */
@ExtendWith(LocalDynamoDbExtension.class)
class YClientsAccessSharedLimitTest {
    private final YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
    private final DynamoDbClient dynamoDb;
    private final String table;

    YClientsAccessSharedLimitTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.table = Tables.create(dynamoDb, TableDefinitions.SYNC_STATE);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void a429PushesTheSharedScheduleBackAndCountsRateLimitBackoff() {
        Config config = Config.of(Map.of(
                "YCLIENTS_SECRET_SOURCE", "env",
                "YCLIENTS_PARTNER_TOKEN", SimulatorDefaults.PARTNER_TOKEN,
                "YCLIENTS_USER_TOKEN", SimulatorDefaults.USER_TOKEN,
                "YCLIENTS_BASE_URL", sim.baseUri().toString()));
        List<String> lines = new ArrayList<>();
        YClientsAccess access = YClientsAccess.builder(config, SecretSource.fromConfig(config, () -> {
                    throw new AssertionError("the environment source needs no Secrets Manager");
                }))
                .sharedRateLimit(dynamoDb, table)
                .metrics(new EmfMetrics("catalog-sync", lines::add, Clock.systemUTC()))
                .build();
        // Retry-After 0: the client retries at once, so the wait measured is the limiter's own pause (a second).
        sim.faults().on("/company/" + DEMO_SALON_ID + "/staff").next(1, Fault.rateLimited(Duration.ZERO));

        long started = System.nanoTime();
        assertFalse(access.call(client -> client.staff(DEMO_SALON_ID)).isEmpty());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofMillis(950)) >= 0, "the retry waited for the shared pause: " + took);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().contains("\"RateLimitBackoff\":1") && lines.getFirst().contains("\"Function\":\"catalog-sync\""),
                lines.getFirst());
        Map<String, AttributeValue> item = dynamoDb.scan(scan -> scan.tableName(table)).items().getFirst();
        long slowUntil = Long.parseLong(item.get(SlotScheduleStore.SLOW_UNTIL).n());
        assertTrue(slowUntil > System.currentTimeMillis() * 1_000 + 50_000_000, "the rate is halved for a minute: " + item);
    }
}

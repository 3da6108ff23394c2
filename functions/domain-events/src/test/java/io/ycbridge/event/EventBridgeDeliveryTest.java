package io.ycbridge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.CompanyBonusRules;
import io.ycbridge.bonus.CatalogCategories;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.config.Config;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Both handlers as Lambda builds them (from their environment), given their stream batches as Lambda sends them (the
 * event files, through the byte-stream entry), publishing to a bus on moto's EventBridge, and what a consumer's rule
 * delivers: source, detail-type and the detail, with the user linked to the record's phone.
 */
@ExtendWith(MotoServerExtension.class)
class EventBridgeDeliveryTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private final MotoServer moto;

    EventBridgeDeliveryTest(MotoServer moto) {
        this.moto = moto;
    }

    @Test
    void aBookingAndAnAccrualReachTheConsumersRule() throws Exception {
        int run = RUN.incrementAndGet();
        try (MotoEventBus bus = new MotoEventBus(moto, "ycbridge-events-" + run); DynamoDbClient dynamoDb = dynamoDb()) {
            String links = "UserLinksTable-" + run;
            TableDefinitions.USER_LINKS.create(dynamoDb, links);
            String ledger = "BonusLedgerTable-" + run;
            TableDefinitions.BONUS_LEDGER.create(dynamoDb, ledger);
            new BonusAccrualService(new BonusLedgerStore(dynamoDb, ledger), new UserLinkStore(dynamoDb, links),
                    CompanyBonusRules.uniform(BonusRules.percent("5")), CatalogCategories.unavailable())
                    .linkProvenPhone("user-sub-1", "+79990000001");
            Config config = Config.of(environment(bus.busName, links));

            BatchItemFailures visits = answer(new VisitEventsHandler(config), "visit-events/record-booked");
            BatchItemFailures bonuses = answer(new BonusEventsHandler(config), "loyalty-mirror/entry-accrued");

            assertTrue(visits.itemIdentifiers().isEmpty() && bonuses.itemIdentifiers().isEmpty());
            List<JsonNode> delivered = bus.delivered(2, Duration.ofSeconds(20));
            assertEquals(2, delivered.size(), delivered.toString());
            Map<String, JsonNode> byType = new HashMap<>();
            delivered.forEach(event -> byType.put(event.path("detail-type").asText(), event));
            JsonNode booked = byType.get("VisitBooked");
            assertEquals("ycbridge", booked.path("source").asText());
            assertEquals("235564-9001-visit-booked-1763632800000", booked.path("detail").path("eventId").asText());
            assertEquals("user-sub-1", booked.path("detail").path("userId").asText());
            assertEquals("2026-11-20T12:00:00+03:00", booked.path("detail").path("visit").path("startsAt").asText());
            JsonNode accrued = byType.get("BonusAccrued");
            assertEquals("75.00", accrued.path("detail").path("bonus").path("amount").asText());
        }
    }

    @Test
    void aBusThatDoesNotExistTakesNothingAndEveryItemIsReported() throws Exception {
        int run = RUN.incrementAndGet();
        try (DynamoDbClient dynamoDb = dynamoDb()) {
            String links = "UserLinksTable-" + run;
            TableDefinitions.USER_LINKS.create(dynamoDb, links);

            BatchItemFailures failures = answer(new VisitEventsHandler(Config.of(environment("no-such-bus-" + run, links))),
                    "visit-events/record-moved");

            assertEquals(1, failures.itemIdentifiers().size());
        }
    }

    private Map<String, String> environment(String busName, String linksTable) {
        return Map.of(
                "AWS_REGION", MotoServer.REGION.id(),
                "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "EVENT_BUS_NAME", busName,
                "USER_LINKS_TABLE", linksTable,
                "COMPANY_TIME_ZONE", "Europe/Moscow");
    }

    private DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static BatchItemFailures answer(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String file) throws Exception {
        byte[] answer = Invocations.invoke(handler, Files.readAllBytes(Path.of("../../events/" + file + ".json")));
        JsonNode failures = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).path("batchItemFailures");
        List<String> ids = new java.util.ArrayList<>();
        failures.forEach(item -> ids.add(item.path("itemIdentifier").asText()));
        return new BatchItemFailures(ids);
    }
}

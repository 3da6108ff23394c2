package io.ycbridge.sync;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_BRANCH_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.edge.UndecodableEventException;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.simulator.Fault;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The handler driven by the sample events in events/catalog-sync (SQS batches), over the simulator and DynamoDB Local. */
@ExtendWith(LocalDynamoDbExtension.class)
class CatalogSyncHandlerTest {
    private static final Path EVENTS = Path.of("../../events/catalog-sync");
    private final DynamoDbClient dynamoDb;
    private SyncFixture fixture;
    private CatalogSyncService service;
    private CatalogSyncHandler handler;

    CatalogSyncHandlerTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void start() {
        fixture = new SyncFixture(dynamoDb);
        service = fixture.service(SyncSettings.DEFAULT);
        handler = new CatalogSyncHandler(service, fixture.sim.clock(), new DecisionLog("catalog-sync", fixture.logs, fixture.sim.clock()));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void eachMessageSyncsItsCompanyCatalogAndRecords() throws IOException {
        JsonNode response = handle("sqs-messages.json");

        assertEquals("{\"batchItemFailures\":[]}", response.toString());
        for (long company : List.of(DEMO_SALON_ID, DEMO_BRANCH_ID)) {
            assertTrue(fixture.states.get(company).lastSuccessAt().isPresent(), "company " + company + " synced");
            assertTrue(fixture.states.get(company).cursor().isPresent(), "company " + company + " has a cursor");
        }
        assertTrue(fixture.logs.all().contains("\"outcome\":\"OK\""), fixture.logs.all());
    }

    /** The in-process run the local stack and the ops tool make: every company in turn, the summary in operators' words. */
    @Test
    void theServiceSyncsEveryCompanyInTurnAndSummarisesTheRun() {
        JsonNode summary = SummaryJson.of(service.syncAll(List.of(DEMO_SALON_ID, DEMO_BRANCH_ID), fixture.sim.clock().instant().plusSeconds(300)));

        JsonNode salon = summary.path("companies").get(0);
        assertEquals(DEMO_SALON_ID, salon.path("companyId").asLong());
        assertEquals(DEMO_BRANCH_ID, summary.path("companies").get(1).path("companyId").asLong());
        assertEquals("OK", salon.path("outcome").asText());
        assertEquals(5, salon.path("catalog").path("service").path("created").asInt());
        assertEquals(3, salon.path("catalog").path("staff").path("created").asInt());
        assertEquals(fixture.sim.data().recordCount(DEMO_SALON_ID), salon.path("records").path("stored").asInt());
        assertEquals("{\"read\":0,\"notFound\":0,\"failed\":0,\"left\":0}", salon.path("records").path("rereads").toString());
        assertTrue(summary.path("apiRequests").asInt() > 0);

        JsonNode again = SummaryJson.of(service.syncAll(List.of(DEMO_SALON_ID, DEMO_BRANCH_ID), fixture.sim.clock().instant().plusSeconds(300)));
        assertEquals(0, again.path("writes").asInt(), "a repeat run writes nothing");
    }

    @Test
    void aBackfillMessageSyncsThatWindowOfOneCompany() throws IOException {
        JsonNode response = handle("backfill.json");

        assertEquals("{\"batchItemFailures\":[]}", response.toString());
        assertTrue(fixture.records.changedBetween(DEMO_SALON_ID, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-18T00:00:00Z"))
                .count() > 0, "the window's records are stored");
        assertTrue(fixture.logs.all().contains("\"outcome\":\"backfill-ok\""), fixture.logs.all());
        SyncState state = fixture.states.get(DEMO_SALON_ID);
        assertTrue(state.cursor().isEmpty(), "a back-fill leaves the cursor alone");
        assertTrue(state.lastCatalogAt().isEmpty(), "and reads no catalog");
        assertTrue(fixture.states.get(DEMO_BRANCH_ID).lastRunAt().isEmpty(), "one company only");
    }

    @Test
    void queueMessagesReportOnlyTransientFailuresForRedelivery() throws IOException {
        fixture.sim.faults().on("/company/" + DEMO_SALON_ID).always(Fault.status(401, "Не указан идентификатор партнера"));
        fixture.sim.faults().on("/records/" + DEMO_BRANCH_ID).always(Fault.serverError());

        JsonNode response = handle("sqs-messages.json");

        JsonNode failures = response.path("batchItemFailures");
        assertEquals(1, failures.size(), failures.toString());
        assertEquals("0f9b7c1e-0002-4d6a-9a5e-116932300002", failures.get(0).path("itemIdentifier").asText(),
                "the 5xx company comes back; the refused one would fail the same way until an operator acts");
        assertTrue(fixture.states.get(DEMO_SALON_ID).lastError().orElseThrow().contains("partnerToken"));
    }

    @Test
    void aMalformedMessageIsAcknowledgedAndLogged() throws IOException {
        String event = "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"{\\\"company\\\":1}\",\"eventSource\":\"aws:sqs\"},"
                + "{\"messageId\":\"m-2\",\"eventSource\":\"aws:sqs\"},{\"messageId\":\"m-3\",\"body\":\"not json\"}]}";

        JsonNode response = handle(event.getBytes(StandardCharsets.UTF_8));

        assertEquals(0, response.path("batchItemFailures").size());
        assertEquals(3, fixture.logs.lines().stream().filter(line -> line.contains("sync-message-malformed")).count(), fixture.logs.all());
    }

    /** The schedule goes to SyncScheduleFunction, one company on demand to SyncQueue: this function takes SQS batches only. */
    @Test
    void anythingButAnSqsBatchFailsTheInvocationSayingWhatIsExpected() throws IOException {
        for (String event : List.of("{\"hello\":1}", "{\"companyId\":235564}",
                Files.readString(Path.of("../../events/sync-schedule/schedule.json")))) {
            UndecodableEventException refused = assertThrows(UndecodableEventException.class,
                    () -> handle(event.getBytes(StandardCharsets.UTF_8)));
            assertEquals("the event does not fit an SQS batch at Records", refused.getMessage());
        }
        assertTrue(fixture.logs.all().isEmpty(), "nothing synced");
    }

    private JsonNode handle(String eventFile) throws IOException {
        return handle(Files.readAllBytes(EVENTS.resolve(eventFile)));
    }

    private JsonNode handle(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new FakeContext(300_000));
        return ApiJson.mapper().readTree(out.toByteArray());
    }

    /** A Lambda context with only the remaining time that the handler reads. */
    private record FakeContext(int remainingMillis) implements Context {
        @Override
        public String getAwsRequestId() {
            return "test";
        }

        @Override
        public String getLogGroupName() {
            return "test";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "CatalogSyncFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-central-1:123456789012:function:CatalogSyncFunction";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return remainingMillis;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}

package io.ycbridge.sync;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_BRANCH_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The handler driven by the sample events in events/catalog-sync, over the simulator and DynamoDB Local. */
@ExtendWith(LocalDynamoDbExtension.class)
class CatalogSyncHandlerTest {
    private static final Path EVENTS = Path.of("../../events/catalog-sync");
    private final DynamoDbClient dynamoDb;
    private SyncFixture fixture;
    private CatalogSyncHandler handler;
    private final List<List<SyncRequest>> dispatched = new ArrayList<>();

    CatalogSyncHandlerTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void start() {
        fixture = new SyncFixture(dynamoDb);
        CatalogSyncService service = fixture.service(SyncSettings.DEFAULT);
        InProcessFanOut inProcess = new InProcessFanOut(service);
        CompanyFanOut recording = (requests, deadline) -> {
            dispatched.add(requests);
            return inProcess.dispatch(requests, deadline);
        };
        handler = new CatalogSyncHandler(service, recording, List.of(DEMO_SALON_ID, DEMO_BRANCH_ID), fixture.sim.clock(),
                new DecisionLog("catalog-sync", fixture.logs, fixture.sim.clock()));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theScheduleFansOutOneRequestPerCompanyAndReturnsTheSummary() throws IOException {
        // The schedule event as the local stack (or a direct invocation) sends it; in AWS it goes to SyncScheduleFunction.
        JsonNode summary = handle("../sync-schedule/schedule.json");

        assertEquals(List.of(List.of(SyncRequest.company(DEMO_SALON_ID), SyncRequest.company(DEMO_BRANCH_ID))), dispatched);
        JsonNode salon = summary.path("companies").get(0);
        assertEquals("OK", salon.path("outcome").asText());
        assertEquals(5, salon.path("catalog").path("service").path("created").asInt());
        assertEquals(3, salon.path("catalog").path("staff").path("created").asInt());
        assertEquals(fixture.sim.data().recordCount(DEMO_SALON_ID), salon.path("records").path("stored").asInt());
        assertEquals("{\"read\":0,\"notFound\":0,\"failed\":0,\"left\":0}", salon.path("records").path("rereads").toString());
        assertTrue(summary.path("apiRequests").asInt() > 0);

        JsonNode again = handle("../sync-schedule/schedule.json");
        assertEquals(0, again.path("writes").asInt(), "a repeat run writes nothing");
    }

    @Test
    void anOnDemandBackfillSyncsThatWindowOfOneCompany() throws IOException {
        JsonNode result = handle("backfill.json");

        assertEquals(DEMO_SALON_ID, result.path("companyId").asLong());
        assertEquals("OK", result.path("outcome").asText());
        assertTrue(result.path("records").path("stored").asInt() > 0);
        assertTrue(result.path("catalog").isMissingNode());
        assertTrue(dispatched.isEmpty());
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
        String event = "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"{\\\"company\\\":1}\",\"eventSource\":\"aws:sqs\"}]}";

        JsonNode response = handle(event.getBytes(StandardCharsets.UTF_8));

        assertEquals(0, response.path("batchItemFailures").size());
        assertTrue(fixture.logs.all().contains("sync-message-malformed"));
    }

    @Test
    void anUnknownEventIsRefusedWithWhatIsExpected() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> handle("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("companyId"));
        assertFalse(refused.getMessage().isBlank());
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

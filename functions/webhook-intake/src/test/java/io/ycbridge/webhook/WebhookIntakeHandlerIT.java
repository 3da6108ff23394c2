package io.ycbridge.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.ServerException;
import io.ycbridge.yclients.model.Record;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The handler through its real trigger shape (HTTP API payload v2 from events/), against DynamoDB Local. */
@ExtendWith(LocalDynamoDbExtension.class)
class WebhookIntakeHandlerIT {
    static final String TOKEN = "local-dev-webhook-token-0000";
    static final long COMPANY = 235564;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:05:01Z"), ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private String recordsTable;
    private RecordStore records;
    private SyncStateStore marks;
    private final LogSink.Captured logs = new LogSink.Captured();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<RecordFetcher> api = new AtomicReference<>();
    private WebhookIntakeHandler handler;

    WebhookIntakeHandlerIT(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @BeforeEach
    void freshTable() {
        recordsTable = Tables.create(dynamo, TableDefinitions.RECORDS);
        records = new RecordStore(dynamo, recordsTable);
        String stateTable = Tables.create(dynamo, TableDefinitions.SYNC_STATE);
        marks = new SyncStateStore(dynamo, stateTable);
        api.set((company, record) -> {
            throw new ServerException(503, null, "GET", "/record/" + company + "/" + record);
        });
        handler = new WebhookIntakeHandler(service(records));
    }

    private WebhookService service(RecordStore store) {
        return service(store, RecordNormalizer.russia());
    }

    private WebhookService service(RecordStore store, RecordNormalizer normalizer) {
        return new WebhookService(new WebhookTokenCheck(now -> List.of(TOKEN), () -> { }, Clock.systemUTC()), Set.of(COMPANY, 1169323L), ZoneId.of("Europe/Moscow"),
                normalizer, store, (company, record) -> {
                    fetches.incrementAndGet();
                    return api.get().fetch(company, record);
                }, marks,
                new DecisionLog("webhook-intake", logs, CLOCK), new EmfMetrics("webhook-intake", logs, CLOCK), CLOCK);
    }

    static HttpRequest event(String name) {
        return Invocations.http("../../events/webhook-intake/" + name + ".json");
    }

    private HttpResponse deliver(String name) {
        return handler.handle(event(name), null);
    }

    private static JsonNode body(HttpResponse response) throws Exception {
        return ApiJson.mapper().readTree(response.body());
    }

    @Test
    void aCreatedRecordIsStoredWithOneWriteAndNoApiCall() throws Exception {
        HttpResponse response = deliver("record-created");
        assertEquals(200, response.status());
        assertEquals("accepted", body(response).path("outcome").asText());
        StoredRecord stored = records.get(COMPANY, 9001).orElseThrow();
        assertEquals("+79990000000", stored.clientPhoneE164());
        assertFalse(stored.incomplete());
        assertEquals(0, fetches.get(), "a complete body needs no read-back");
    }

    /**
     * The Altegio branch 1169323 is in Ukraine as far as the sync learned (SyncStateTable): a domestic 067 number is
     * stored as +380, and the state is read once for the company, not once per delivery.
     */
    @Test
    void aDomesticNumberOfAForeignCompanyIsStoredInItsCountrysForm() throws Exception {
        String stateTable = Tables.create(dynamo, TableDefinitions.SYNC_STATE);
        SyncStateStore states = new SyncStateStore(dynamo, stateTable);
        states.rememberPhoneRegion(1169323L, Optional.of("UA"));
        AtomicInteger stateReads = new AtomicInteger();
        PhoneRegions regions = PhoneRegions.everywhere(PhoneNormalizer.russia()).withCompanyData(company -> {
            stateReads.incrementAndGet();
            return states.phoneRegion(company);
        }, CLOCK, new DecisionLog("webhook-intake", logs, CLOCK));
        handler = new WebhookIntakeHandler(service(records, new RecordNormalizer(regions)));

        HttpRequest created = event("record-created");
        created = Invocations.withBody(created, created.body().replace("235564", "1169323").replace("+79990000000", "067 111 22 33"));
        HttpRequest updated = event("record-updated");
        updated = Invocations.withBody(updated, updated.body().replace("235564", "1169323").replace("+79990000000", "0671112233"));

        assertEquals("accepted", body(handler.handle(created, null)).path("outcome").asText());
        assertEquals("+380671112233", records.get(1169323L, 9001).orElseThrow().clientPhoneE164());
        assertEquals("accepted", body(handler.handle(updated, null)).path("outcome").asText());
        assertEquals("+380671112233", records.get(1169323L, 9001).orElseThrow().clientPhoneE164());
        assertEquals(1, stateReads.get(), "one state read for the company, then the execution environment remembers");
        assertFalse(logs.all().contains("671112233"), "no phone number in the logs");

        assertEquals("accepted", body(handler.handle(event("record-created"), null)).path("outcome").asText());
        assertEquals("+79990000000", records.get(COMPANY, 9001).orElseThrow().clientPhoneE164(), "the Russian salon: unchanged");
    }

    @Test
    void anUpdateReplacesTheCreationAndTheOlderChangeIsRefusedAsStale() throws Exception {
        deliver("record-created");
        assertEquals("accepted", body(deliver("record-updated")).path("outcome").asText());
        assertEquals(1, records.get(COMPANY, 9001).orElseThrow().attendance());
        HttpResponse older = deliver("record-older-change");
        assertEquals(200, older.status(), "a stale delivery is not an error YClients should retry");
        assertEquals("stale", body(older).path("outcome").asText());
        assertEquals(1, records.get(COMPANY, 9001).orElseThrow().attendance(), "the newer version stays");
    }

    @Test
    void aDuplicateIsANoOp() throws Exception {
        deliver("record-updated");
        HttpResponse again = deliver("record-updated");
        assertEquals(200, again.status());
        assertEquals("duplicate", body(again).path("outcome").asText());
    }

    @Test
    void aCancellationIsKeptAsState() throws Exception {
        deliver("record-updated");
        assertEquals("accepted", body(deliver("record-cancelled")).path("outcome").asText());
        assertTrue(records.get(COMPANY, 9001).orElseThrow().deleted());
    }

    @Test
    void aWrongTokenIs401WithNoDetailAndTheTokenIsNotLogged() throws Exception {
        HttpResponse response = deliver("bad-token");
        assertEquals(401, response.status());
        assertEquals("{\"outcome\":\"unauthorized\"}", response.body());
        assertTrue(records.get(COMPANY, 9001).isEmpty());
        assertFalse(logs.all().contains("wrong-token"));
        assertTrue(logs.all().contains("\"outcome\":\"unauthorized\""));
        assertTrue(logs.all().contains("\"WebhookUnauthorized\":1"), "counted as a metric");
    }

    @Test
    void anUnknownCompanyIs403AndNothingIsWritten() throws Exception {
        HttpResponse response = deliver("unknown-company");
        assertEquals(403, response.status());
        assertEquals("company not served by this deployment", body(response).path("reason").asText());
        assertTrue(records.get(999999, 9001).isEmpty());
    }

    @Test
    void badBodiesAre400WithAReasonAndWriteNothing() throws Exception {
        assertEquals("body is not valid JSON (at line 1, column 77)", body(deliver("malformed-json")).path("reason").asText());
        assertEquals("company_id must be a positive whole number", body(deliver("wrong-types")).path("reason").asText());
        assertEquals("company_id is missing", body(deliver("missing-ids")).path("reason").asText());
        for (String name : List.of("malformed-json", "wrong-types", "missing-ids")) {
            assertEquals(400, deliver(name).status(), name);
        }
        assertEquals(0, records.changedBetween(COMPANY, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).count());
    }

    @Test
    void anOversizeBodyIs400() throws Exception {
        HttpRequest event = event("record-created");
        String padded = event.body().replace("\"comment\": \"\"", "\"comment\": \"" + "x".repeat(WebhookParser.MAX_BODY_BYTES) + "\"");
        event = Invocations.withBody(event, padded);
        HttpResponse response = handler.handle(event, null);
        assertEquals(400, response.status());
        assertEquals("body larger than 256 KB", body(response).path("reason").asText());
        assertTrue(records.get(COMPANY, 9001).isEmpty());
    }

    @Test
    void aBase64BodyIsDecoded() throws Exception {
        HttpRequest event = event("record-created");
        event = Invocations.withBody(event, java.util.Base64.getEncoder().encodeToString(event.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)), true);
        assertEquals("accepted", body(handler.handle(event, null)).path("outcome").asText());
    }

    @Test
    void aResourceWeDoNotUseIsAcknowledgedAndIgnored() throws Exception {
        HttpResponse response = deliver("client-resource");
        assertEquals(200, response.status());
        assertEquals("ignored", body(response).path("outcome").asText());
        assertTrue(logs.all().contains("\"WebhookIgnored\":1"));
    }

    @Test
    void aBodyWithoutItsOwnIdIsTheEnvelopesRecordAndOneWithAnotherIdIsRefused() throws Exception {
        HttpRequest withoutId = event("record-updated");
        withoutId = Invocations.withBody(withoutId, withoutId.body().replace("\"data\": {\"id\": 9001, ", "\"data\": {"));
        assertEquals("accepted", body(handler.handle(withoutId, null)).path("outcome").asText());
        StoredRecord stored = records.get(COMPANY, 9001).orElseThrow();
        assertFalse(stored.incomplete());
        assertEquals("+79990000000", stored.clientPhoneE164());
        assertEquals(0, fetches.get(), "complete without its id: the envelope names the record");

        HttpRequest anotherId = event("record-updated");
        anotherId = Invocations.withBody(anotherId, anotherId.body().replace("\"data\": {\"id\": 9001, ", "\"data\": {\"id\": 9009, "));
        HttpResponse refused = handler.handle(anotherId, null);
        assertEquals(400, refused.status());
        assertEquals("data.id does not match resource_id", body(refused).path("reason").asText());
        assertTrue(records.get(COMPANY, 9009).isEmpty());
    }

    @Test
    void aBodyWithoutAnyVersionKeepsItsContentInThePlaceholder() throws Exception {
        HttpRequest unversioned = event("record-updated");
        unversioned = Invocations.withBody(unversioned, unversioned.body().replace(", \"create_date\": \"2026-11-18T09:10:11+0300\", \"last_change_date\": \"2026-11-20T13:05:00+0300\"", ""));
        assertEquals("accepted", body(handler.handle(unversioned, null)).path("outcome").asText());
        StoredRecord placeholder = records.get(COMPANY, 9001).orElseThrow();
        assertEquals(Instant.EPOCH, placeholder.changedAt());
        assertTrue(placeholder.incomplete());
        assertFalse(placeholder.deleted());
        assertEquals("+79990000000", placeholder.clientPhoneE164());
        assertEquals(1, placeholder.attendance());
        assertEquals(Set.of(9001L), marks.rereads(COMPANY));
    }

    @Test
    void anIncompleteBodyIsCompletedFromTheApi() throws Exception {
        Record full = ApiJson.mapper().treeToValue(ApiJson.mapper().readTree(event("record-updated").body()).path("data"), Record.class);
        api.set((company, record) -> full);
        HttpRequest incomplete = event("record-incomplete");
        incomplete = Invocations.withBody(incomplete, incomplete.body().replace("9002", "9001"));
        assertEquals("accepted", body(handler.handle(incomplete, null)).path("outcome").asText());
        StoredRecord stored = records.get(COMPANY, 9001).orElseThrow();
        assertFalse(stored.incomplete());
        assertEquals(1, stored.attendance());
        assertEquals(1, fetches.get());
    }

    @Test
    void anIncompleteBodyIsStoredMarkedWhenTheApiIsDown() throws Exception {
        HttpResponse response = deliver("record-incomplete");
        assertEquals(200, response.status());
        StoredRecord stored = records.get(COMPANY, 9002).orElseThrow();
        assertTrue(stored.incomplete(), "kept, and marked for the next sync to complete");
        assertEquals(Instant.EPOCH, stored.changedAt(), "no version was sent: any real one replaces it");
        assertTrue(logs.all().contains("webhook-readback-failed"));
        assertEquals(Set.of(9002L), marks.rereads(COMPANY), "and marked for the next sync to re-read");
        assertTrue(logs.all().contains("\"api\":\"marked-for-reread\""), logs.all());
    }

    // ---- issue 21, case 6: two changes in one second are both seen ------------------------------------------------

    @Test
    void paidAfterArrivedUnpaidInTheSameSecondIsSettledByTheApi() throws Exception {
        assertEquals("accepted", body(deliver("record-arrived-unpaid")).path("outcome").asText());
        Record paid = data("record-updated");
        api.set((company, record) -> paid);

        HttpResponse response = deliver("record-updated");

        assertEquals(200, response.status());
        assertEquals("accepted", body(response).path("outcome").asText(), "not a duplicate: the content differs");
        StoredRecord stored = records.get(COMPANY, 9001).orElseThrow();
        assertTrue(stored.paidFull(), "what the API says");
        assertEquals(2, revision(9001));
        assertEquals(1, fetches.get());
        assertEquals(Set.of(), marks.rereads(COMPANY), "settled: nothing left for the sync");
        assertTrue(logs.all().contains("\"api\":\"read-back\""), logs.all());
    }

    @Test
    void theOlderOfTwoSameSecondBodiesArrivingLastChangesNothing() throws Exception {
        deliver("record-updated");
        Record paid = data("record-updated");
        api.set((company, record) -> paid);

        assertEquals("duplicate", body(deliver("record-arrived-unpaid")).path("outcome").asText(), "the API confirms the stored one");
        assertTrue(records.get(COMPANY, 9001).orElseThrow().paidFull());
        assertEquals(1, revision(9001));
    }

    @Test
    void aSameSecondConflictWithTheApiDownIsAcceptedAndMarkedForReread() throws Exception {
        deliver("record-arrived-unpaid");

        HttpResponse response = deliver("record-updated");

        assertEquals(200, response.status(), "accepted: the sync re-reads the record, so YClients need not deliver again");
        assertEquals("conflict-reread", body(response).path("outcome").asText());
        assertEquals(Set.of(9001L), marks.rereads(COMPANY));
        assertEquals(1, revision(9001), "nothing written until the API says which version is current");
        assertTrue(logs.all().contains("\"WebhookConflictReread\":1"), logs.all());
    }

    // ---- issue 21, case 5: a delete always reverses -----------------------------------------------------------------

    @Test
    void aDeleteCarryingTheCompletedVersionsChangeDateIsStoredDeleted() throws Exception {
        deliver("record-updated");
        HttpRequest delete = event("record-updated");
        delete = Invocations.withBody(delete, delete.body().replace("\"status\": \"update\"", "\"status\": \"delete\""));

        assertEquals("accepted", body(handler.handle(delete, null)).path("outcome").asText());

        StoredRecord stored = records.get(COMPANY, 9001).orElseThrow();
        assertTrue(stored.deleted());
        assertEquals(Instant.parse("2026-11-20T10:05:00Z"), stored.changedAt());
        assertEquals(2, revision(9001));
    }

    @Test
    void aDeleteWithoutDataMarksTheStoredCompletedVersionDeletedWithoutTheApi() throws Exception {
        deliver("record-updated");
        StoredRecord completed = records.get(COMPANY, 9001).orElseThrow();

        HttpResponse response = deliver("record-deleted-without-data");

        assertEquals(200, response.status());
        assertEquals("accepted", body(response).path("outcome").asText());
        StoredRecord stored = records.get(COMPANY, 9001).orElseThrow();
        assertTrue(stored.deleted());
        assertEquals(completed.services(), stored.services(), "the completed content, deleted: accrual reverses it");
        assertEquals(completed.clientPhone(), stored.clientPhone());
        assertTrue(stored.changedAt().isAfter(completed.changedAt()), "dated at arrival: a late older body cannot undelete it");
        assertEquals(2, revision(9001));
        assertEquals(0, fetches.get(), "the API is not needed (and is down)");
        assertEquals(Set.of(9001L), marks.rereads(COMPANY), "the sync reads YClients' own deleted version");
        assertEquals("duplicate", body(deliver("record-deleted-without-data")).path("outcome").asText());
        assertEquals(2, revision(9001));
    }

    @Test
    void aDeleteWithoutDataOfAnUnseenRecordWithTheApiDownIsAPlaceholderMarkedForReread() throws Exception {
        HttpResponse response = deliver("record-deleted-without-data");

        assertEquals(200, response.status());
        StoredRecord placeholder = records.get(COMPANY, 9001).orElseThrow();
        assertTrue(placeholder.deleted());
        assertTrue(placeholder.incomplete());
        assertEquals(CLOCK.instant(), placeholder.changedAt(), "dated when it arrived");
        assertEquals(Set.of(9001L), marks.rereads(COMPANY));

        assertEquals("stale", body(deliver("record-updated")).path("outcome").asText(),
                "a late body does not bring the record back: only the API knows whether it was deleted after it");
        assertTrue(records.get(COMPANY, 9001).orElseThrow().deleted());

        // The API is back: the next delivery's read-back replaces the placeholder with the real, older deleted version.
        Record real = ApiJson.mapper().treeToValue(((ObjectNode) ApiJson.mapper().readTree(event("record-updated").body()).path("data"))
                .put("deleted", true), Record.class);
        api.set((company, record) -> real);
        assertEquals("accepted", body(deliver("record-deleted-without-data")).path("outcome").asText());
        StoredRecord completed = records.get(COMPANY, 9001).orElseThrow();
        assertFalse(completed.incomplete());
        assertTrue(completed.deleted());
        assertEquals(Instant.parse("2026-11-20T10:05:00Z"), completed.changedAt(), "older than the placeholder, and still stored");
        assertEquals("+79990000000", completed.clientPhoneE164());
    }

    private Record data(String eventName) throws Exception {
        return ApiJson.mapper().treeToValue(ApiJson.mapper().readTree(event(eventName).body()).path("data"), Record.class);
    }

    private long revision(long recordId) {
        return RecordItem.revision(dynamo.getItem(get -> get.tableName(recordsTable).consistentRead(true)
                .key(RecordItem.key(COMPANY, recordId))).item());
    }

    @Test
    void anArrayOfEventsStoresEachValidOneAndNamesTheRefusedOneInItsPlace() throws Exception {
        HttpResponse response = deliver("records-batch");

        assertEquals(200, response.status(), "the valid events are taken; sending the bad one again would not change it");
        JsonNode events = body(response).path("events");
        assertEquals(3, events.size());
        assertEquals("accepted", events.path(0).path("outcome").asText());
        assertEquals("accepted", events.path(1).path("outcome").asText());
        assertEquals("rejected", events.path(2).path("outcome").asText());
        assertEquals("resource_id is missing", events.path(2).path("reason").asText());
        assertTrue(records.get(COMPANY, 9001).isPresent() && records.get(COMPANY, 9002).isPresent());
        assertEquals(3, logs.lines().stream().filter(line -> line.contains("\"webhook\"")).count(), "one log line per element");

        assertEquals(List.of("duplicate", "duplicate", "rejected"), outcomes(deliver("records-batch")), "a redelivery converges");
    }

    @Test
    void anArrayWhoseEveryElementIsRefusedIs400() throws Exception {
        HttpRequest refused = Invocations.withBody(event("record-created"),
                "[{\"company_id\": 235564, \"resource\": \"record\"}, 5]");

        HttpResponse response = handler.handle(refused, null);

        assertEquals(400, response.status());
        assertEquals(List.of("rejected", "rejected"), outcomes(response));
        assertEquals("resource_id is missing", body(response).path("reason").asText(), "the first refusal speaks for the delivery");
    }

    @Test
    void anArrayWithAnEventThatCouldNotBeStoredIs503SoTheWholeArrayComesAgain() throws Exception {
        WebhookIntakeHandler broken = new WebhookIntakeHandler(service(new RecordStore(failingDynamoDb(), "records")));

        HttpResponse response = broken.handle(event("records-batch"), null);

        assertEquals(503, response.status());
        assertEquals("unavailable", body(response).path("outcome").asText());
    }

    private static List<String> outcomes(HttpResponse response) throws Exception {
        List<String> outcomes = new java.util.ArrayList<>();
        body(response).path("events").forEach(event -> outcomes.add(event.path("outcome").asText()));
        return outcomes;
    }

    private static DynamoDbClient failingDynamoDb() {
        return new DynamoDbClient() {
            @Override
            public UpdateItemResponse updateItem(UpdateItemRequest request) {
                throw SdkClientException.create("connection reset");
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aStorageFailureIs503SoYClientsRetries() throws Exception {
        WebhookIntakeHandler broken = new WebhookIntakeHandler(service(new RecordStore(failingDynamoDb(), "records")));
        HttpResponse response = broken.handle(event("record-created"), null);
        assertEquals(503, response.status());
        assertTrue(logs.all().contains("webhook-store-failed"));
    }

    /** The Lambda entry point, as the runtime calls it: the event's bytes in, the response's bytes out. */
    private JsonNode invoke(byte[] event) throws IOException {
        return ApiJson.mapper().readTree(Invocations.invoke(handler, event));
    }

    private static byte[] eventBytes(String name) throws IOException {
        return Files.readAllBytes(Path.of("../../events/webhook-intake/" + name + ".json"));
    }

    @Test
    void theEntryPointTakesTheEventBytesAndAnswersInPayloadVersionTwo() throws Exception {
        JsonNode response = invoke(eventBytes("record-created"));

        assertEquals(Set.of("statusCode", "headers", "body", "isBase64Encoded"), fieldNames(response), response.toString());
        assertEquals(200, response.path("statusCode").asInt());
        assertEquals("application/json", response.path("headers").path("Content-Type").asText());
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        assertEquals("accepted", ApiJson.mapper().readTree(response.path("body").asText()).path("outcome").asText());
        assertEquals("+79990000000", records.get(COMPANY, 9001).orElseThrow().clientPhoneE164());
    }

    @Test
    void aMalformedBodyThroughTheEntryPointIsRefusedWithItsReason() throws Exception {
        JsonNode response = invoke(eventBytes("malformed-json"));

        assertEquals(400, response.path("statusCode").asInt());
        JsonNode body = ApiJson.mapper().readTree(response.path("body").asText());
        assertEquals("rejected", body.path("outcome").asText());
        assertEquals("body is not valid JSON (at line 1, column 77)", body.path("reason").asText());
    }

    @Test
    void anEventThatIsNotJsonIsRefusedInTheDeliveriesShape() throws Exception {
        JsonNode response = invoke(("POST /v1/yclients/webhook/" + TOKEN + " {\"company_id\": 235564}").getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.path("statusCode").asInt(), response.toString());
        JsonNode body = ApiJson.mapper().readTree(response.path("body").asText());
        assertEquals("rejected", body.path("outcome").asText());
        assertTrue(body.path("reason").asText().startsWith("the event is not valid JSON (at line 1, column "), body.toString());
        assertFalse(response.toString().contains(TOKEN), "the input is not quoted back");
        assertTrue(records.get(COMPANY, 9001).isEmpty());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void logsCarryNoPhoneNameOrBody() {
        for (String name : List.of("record-created", "record-updated", "record-cancelled", "record-older-change", "record-incomplete",
                "record-arrived-unpaid", "record-deleted-without-data", "bad-token", "unknown-company", "malformed-json", "wrong-types", "missing-ids", "client-resource")) {
            deliver(name);
        }
        String all = logs.all();
        List<String> secrets = new ArrayList<>(List.of("79990000000", "Anna", "Haircut", TOKEN, "wrong-token"));
        secrets.forEach(secret -> assertFalse(all.contains(secret), "log contains " + secret));
        assertTrue(all.contains("\"company\":235564"));
    }
}

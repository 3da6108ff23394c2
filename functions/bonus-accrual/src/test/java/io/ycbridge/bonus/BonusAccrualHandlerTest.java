package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.PHONE;
import static io.ycbridge.bonus.Visits.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.edge.UndecodableEventException;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.observe.LogSink;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Driven by the stream-shaped files in events/bonus-accrual/, against DynamoDB Local. */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusAccrualHandlerTest {
    private static final BonusOwner USER = BonusOwner.user("user-sub-1");
    private final DynamoDbClient client;
    private Ledger ledger;
    private LogSink.Captured logs;
    private BonusAccrualHandler handler;

    BonusAccrualHandlerTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void fresh() {
        ledger = new Ledger(client, BonusRules.percent("5"));
        ledger.service.linkProvenPhone("user-sub-1", PHONE);
        logs = new LogSink.Captured();
        handler = new BonusAccrualHandler(ledger.service, logs);
    }

    static List<StreamChange> event(String name) {
        return Invocations.stream("../../events/bonus-accrual/" + name);
    }

    /** Through the Lambda entry point, as the runtime calls it: the event file's bytes in, the failed items read from the bytes out. */
    private List<String> failures(String name) throws IOException {
        List<String> failed = new ArrayList<>();
        invoke(Files.readAllBytes(Path.of("../../events/bonus-accrual/" + name))).path("batchItemFailures")
                .forEach(failure -> failed.add(failure.path("itemIdentifier").asText()));
        return failed;
    }

    private JsonNode invoke(byte[] event) throws IOException {
        return ApiJson.mapper().readTree(Invocations.invoke(handler, event));
    }

    @Test
    void theAnswerNamesTheFailedItemsAsLambdaReadsThem() throws Exception {
        JsonNode response = invoke(Files.readAllBytes(Path.of("../../events/bonus-accrual/batch-with-malformed-item.json")));

        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"100000000000000000011\"}]}", response.toString());
        assertEquals("{\"batchItemFailures\":[]}",
                invoke(Files.readAllBytes(Path.of("../../events/bonus-accrual/record-completed.json"))).toString());
    }

    @Test
    void aBatchThatDoesNotDecodeFailsTheInvocationSoLambdaRetriesIt() {
        byte[] truncated = "{\"Records\": [{\"eventName\": \"MODIFY\", \"dynamodb\": {\"NewImage\": {\"client_phone\": {\"S\": \"+7999".getBytes(StandardCharsets.UTF_8);

        UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () -> invoke(truncated));
        assertFalse(thrown.getMessage().contains("7999"), thrown.getMessage());
        assertEquals(money("0.00"), ledger.store.balance(USER));
        assertEquals("", logs.all(), "nothing decided");
    }

    @Test
    void theTypedEntryPointAnswersTheSame() {
        BatchItemFailures response = handler.handle(event("batch-with-malformed-item.json"), null);

        assertEquals(List.of("100000000000000000011"), response.itemIdentifiers());
    }

    @Test
    void aCompletedRecordAccrues() throws IOException {
        assertEquals(List.of(), failures("record-completed.json"));

        assertEquals(money("99.00"), ledger.store.balance(USER));
        assertTrue(logs.all().contains("\"outcome\":\"APPLIED\""), logs.all());
        assertTrue(logs.all().contains("\"kind\":\"ACCRUAL\""), logs.all());
    }

    @Test
    void aDuplicateInTheBatchAndAReplayedBatchPayOnce() throws IOException {
        assertEquals(List.of(), failures("record-duplicate.json"));
        assertEquals(List.of(), failures("record-duplicate.json"));
        assertEquals(List.of(), failures("record-completed.json"));

        assertEquals(money("99.00"), ledger.store.balance(USER));
        assertEquals(1, ledger.entries(USER).size());
        assertEquals(4, logs.lines().stream().filter(line -> line.contains("\"outcome\":\"STALE\"")).count(), "all but the first delivery");
    }

    @Test
    void cancelledAfterCompletionReverses() throws IOException {
        failures("record-completed.json");
        assertEquals(List.of(), failures("record-cancelled-after-completion.json"));

        assertEquals(money("0.00"), ledger.store.balance(USER));
        assertEquals(List.of(EntryKind.REVERSAL, EntryKind.ACCRUAL), ledger.entries(USER).stream().map(LedgerEntry::kind).toList());
    }

    @Test
    void aChangedAmountAdjusts() throws IOException {
        failures("record-completed.json");
        assertEquals(List.of(), failures("record-amount-changed.json"));

        assertEquals(money("100.00"), ledger.store.balance(USER));
        assertEquals(EntryKind.ADJUSTMENT, ledger.entries(USER).getFirst().kind());
    }

    @Test
    void aReorderedBatchEndsAtTheNewestVersion() throws IOException {
        assertEquals(List.of(), failures("record-reordered.json"));

        assertEquals(money("0.00"), ledger.store.balance(USER));
        assertTrue(ledger.entries(USER).isEmpty(), "the older completion after the cancel must pay nothing");
    }

    @Test
    void aMalformedItemIsReportedAloneAndTheOthersAreApplied() throws IOException {
        assertEquals(List.of("100000000000000000011"), failures("batch-with-malformed-item.json"));

        assertEquals(money("99.00"), ledger.store.balance(USER), "9002 is the linked client's");
        assertEquals(money("99.00"), ledger.store.balance(BonusOwner.pendingPhone("+79990000002")), "9004 is pending");
        String failed = logs.lines().stream().filter(line -> line.contains("\"outcome\":\"FAILED\"")).findFirst().orElseThrow();
        assertTrue(failed.contains("\"sequence\":\"100000000000000000011\"") && failed.contains("\"recordId\":\"9003\""), failed);
    }

    @Test
    void logsNeverCarryPhoneNumbers() throws IOException {
        failures("batch-with-malformed-item.json");
        failures("record-completed.json");

        assertFalse(logs.all().contains("7999000000"), logs.all());
    }
}

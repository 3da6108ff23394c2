package io.ycbridge.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.sync.SyncStateStore;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21, cases 5 and 6, through the deployed wiring (handlers built from their environment, the simulator as
 * YClients): what the webhook could not check with a YClients that was down, the next sync reads back and settles.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class RereadIT {
    private static final long COMPANY = 235564;
    private static final long RECORD = 9001;
    private final LocalDynamoDb dynamo;

    RereadIT(LocalDynamoDb dynamo) {
        this.dynamo = dynamo;
    }

    @Test
    void twoChangesInOneSecondDuringAnOutageEndAsTheApiSaysAfterTheNextSync() throws Exception {
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of())) {
            stack.sim.seed(SimulatorSeed.demo());
            assertEquals("OK", stack.sync(COMPANY).path("outcome").asText());
            stack.sim.clock().advance(Duration.ofMinutes(10));

            // "Arrived, unpaid", then "paid" within the same second of last_change_date.
            stack.sim.data().completeVisit(COMPANY, RECORD, false);
            String unpaid = stack.sim.webhooks().body(COMPANY, RECORD, "update");
            stack.sim.data().completeVisit(COMPANY, RECORD, true);
            String paid = stack.sim.webhooks().body(COMPANY, RECORD, "update");
            assertEquals("accepted", outcome(stack.deliver(unpaid).body()));
            stack.sim.faults().always(Fault.serverError());
            assertEquals("conflict-reread", outcome(stack.deliver(paid).body()), "accepted, not a duplicate, and not lost");
            assertFalse(stored(stack).paidFull(), "the API could not say which is current");
            assertEquals(Set.of(RECORD), marks(stack).rereads(COMPANY));

            stack.sim.faults().clear();
            stack.sim.clock().advance(Duration.ofMinutes(30));
            JsonNode sync = stack.sync(COMPANY);

            assertEquals("OK", sync.path("outcome").asText(), sync.toString());
            assertEquals(1, sync.path("records").path("rereads").path("read").asInt(), sync.toString());
            assertTrue(stored(stack).paidFull(), "what the API says");
            assertEquals(Set.of(), marks(stack).rereads(COMPANY));
        }
    }

    @Test
    void aDeleteWithoutDataDuringAnOutageReversesAtOnceOrIsCompletedByTheSync() throws Exception {
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of())) {
            stack.sim.seed(SimulatorSeed.demo());
            stack.sim.faults().always(Fault.serverError());
            String withoutData = "{\"company_id\": " + COMPANY + ", \"resource\": \"record\", \"resource_id\": %d, \"status\": \"delete\"}";

            // Never stored: a placeholder dated at arrival, marked for re-read.
            stack.sim.data().cancel(COMPANY, 9002);
            assertEquals(200, stack.deliver(withoutData.formatted(9002)).status());
            StoredRecord placeholder = stored(stack, 9002);
            assertTrue(placeholder.deleted() && placeholder.incomplete());

            // Stored complete (the visit came and paid): marked deleted on the spot, same content, dated at arrival.
            stack.sim.faults().clear();
            stack.sim.data().completeVisit(COMPANY, RECORD, true);
            assertEquals("accepted", outcome(stack.deliver(stack.sim.webhooks().body(COMPANY, RECORD, "update")).body()));
            StoredRecord completed = stored(stack);
            stack.sim.faults().always(Fault.serverError());
            stack.sim.data().cancel(COMPANY, RECORD);
            assertEquals("accepted", outcome(stack.deliver(withoutData.formatted(RECORD)).body()));
            StoredRecord marked = stored(stack);
            assertTrue(marked.deleted());
            assertEquals(completed.services(), marked.services(), "the completed content, deleted: accrual reverses it at once");
            assertTrue(marked.changedAt().isAfter(completed.changedAt()), "dated at arrival, so no late older body undeletes it");
            assertEquals(2, revision(stack, RECORD));

            stack.sim.faults().clear();
            JsonNode sync = stack.sync(COMPANY);

            assertEquals("OK", sync.path("outcome").asText(), sync.toString());
            StoredRecord real = stored(stack, 9002);
            assertFalse(real.incomplete(), "the placeholder is replaced");
            assertTrue(real.deleted());
            assertTrue(real.changedAt().isBefore(placeholder.changedAt()), "by the real, older deleted record");
            assertEquals(Set.of(), marks(stack).rereads(COMPANY));
            StoredRecord settled = stored(stack);
            assertTrue(settled.deleted());
            assertTrue(settled.changedAt().isBefore(marked.changedAt()), "the sync stored YClients' own deleted version");
        }
    }

    private static String outcome(String body) throws Exception {
        return Stack.JSON.readTree(body).path("outcome").asText();
    }

    private static StoredRecord stored(Stack stack) {
        return stored(stack, RECORD);
    }

    private static StoredRecord stored(Stack stack, long recordId) {
        return new RecordStore(stack.client(), stack.table("RECORDS_TABLE")).get(COMPANY, recordId).orElseThrow();
    }

    private static long revision(Stack stack, long recordId) {
        return RecordItem.revision(stack.client().getItem(get -> get.tableName(stack.table("RECORDS_TABLE")).consistentRead(true)
                .key(RecordItem.key(COMPANY, recordId))).item());
    }

    private static SyncStateStore marks(Stack stack) {
        return new SyncStateStore(stack.client(), stack.table("SYNC_STATE_TABLE"));
    }
}

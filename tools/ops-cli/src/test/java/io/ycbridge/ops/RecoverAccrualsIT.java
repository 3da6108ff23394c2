package io.ycbridge.ops;

import static io.ycbridge.ops.RecoveryFixture.COMPANY;
import static io.ycbridge.ops.RecoveryFixture.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.BonusPolicy;
import io.ycbridge.bonus.CompanyBonusRules;
import io.ycbridge.config.Config;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.localaws.StreamMapping;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.StoredRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Failed accruals recovered from the dead-letter queue, end to end: records are stored in RecordsTable, the real
 * accrual function reads them from the real stream (DynamoDB Local) while the ledger table is unavailable, the event
 * source mapping gives the batches up after their retries and the on-failure records go to BonusDeadLetterQueue (moto
 * SQS) in Lambda's shape; later {@code recover-accruals --dlq} brings every balance to what an oracle computes from the
 * stored records alone, and running again changes nothing.
 *
 * <p>Histories: completed and credited, then cancelled while accrual fails; completed and cancelled both while it
 * fails; deleted in YClients after a credited completion; removed from RecordsTable by hand; a client whose owner
 * proves the phone between the failure and the recovery; a version YClients changed 40 days before it was stored (a
 * sync catching up) and one changed a little after (YClients' clock ahead); a failed version overtaken by a newer one
 * the function applied; a batch the stream no longer holds; the same failure delivered twice; a recovery attempted
 * while the ledger is still down; a dry run.
 */
@ExtendWith({LocalDynamoDbExtension.class, MotoServerExtension.class})
class RecoverAccrualsIT {
    private static final String P1 = "+79990000301";
    private static final String P2 = "+79990000302";
    private static final Map<String, String> PROVEN = Map.of(P1, "user-1", P2, "user-2");
    /** A shard of the stream that aged out with its records (a shard lives as long as its records, 24 hours). */
    private static final String GONE_SHARD = "shardId-00000001700000000000-0badc0de";
    private final LocalDynamoDb local;
    private final MotoServer moto;
    private RecoveryFixture fixture;

    RecoverAccrualsIT(LocalDynamoDb local, MotoServer moto) {
        this.local = local;
        this.moto = moto;
    }

    @BeforeEach
    void start() {
        fixture = new RecoveryFixture(local, moto);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void batchesThatFailedIntoTheDeadLetterQueueAreRecoveredToTheOraclesBalancesOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StreamMapping mapping = fixture.mapping(5, 2);
        fixture.service.linkProvenPhone("user-1", P1);

        // Healthy: three visits credited to user-1 as they happen.
        store(visit(11, now.minusSeconds(600), 1, false, P1, "2000.00"));   // stays as it is
        store(visit(12, now.minusSeconds(590), 1, false, P1, "2000.00"));   // to be cancelled while accrual fails
        store(visit(13, now.minusSeconds(580), 1, false, P1, "2000.00"));   // to be deleted in YClients while accrual fails
        fixture.drain(mapping);
        assertEquals(new BigDecimal("300.00"), fixture.balance("user-1"));
        assertEquals(0, mapping.discardedBatches());

        try (AutoCloseable down = TableOutage.of(fixture.ledgerTable)) {
            // Batch A (read back from the stream; its failure is delivered twice).
            store(visit(21, now.minusSeconds(300), 1, false, P1, "2000.00"));  // completed, never credited
            store(visit(12, now.minusSeconds(290), -1, false, P1, "2000.00")); // the credited visit 12 cancelled
            store(visit(22, now.minusSeconds(280), 1, false, P1, "2000.00"));  // completed...
            store(visit(22, now.minusSeconds(270), -1, false, P1, "2000.00")); // ...and cancelled, both failing
            store(visit(23, now.minusSeconds(260), 1, false, P1, "2000.00"));  // completed, then removed by hand:
            fixture.dynamo.deleteItem(r -> r.tableName(fixture.recordsTable).key(RecordItem.key(COMPANY, 23)));
            // Batch B (its shard has aged out of the stream: found by the window of its versions). The REMOVE above
            // opens it and succeeds (a REMOVE is ignored), so the batch given up starts at visit 13.
            store(visit(13, now.minusSeconds(250), 1, true, P1, "2000.00"));   // the credited visit 13 deleted in YClients
            store(visit(24, now.minusSeconds(240), 1, false, P2, "2000.00"));  // P2's owner has not proven it yet
            store(visit(25, now.minus(Duration.ofDays(40)), 1, false, P1, "1500.00"));  // changed 40 days ago, stored now
            store(visit(26, now.plusSeconds(120), 1, false, P1, "1000.00"));   // YClients' clock two minutes ahead
            // Batch C (read back from the stream): overtaken below by a version the function applies.
            store(visit(27, now.minusSeconds(200), 1, false, P1, "2000.00"));
            fixture.drain(mapping);
        }
        assertEquals(3, mapping.discardedBatches(), "every batch of the outage used up its retries: " + fixture.failures);
        assertEquals(new BigDecimal("300.00"), fixture.balance("user-1"), "nothing reached the ledger during the outage");

        // Between the failure and the recovery: P2's owner proves it, and visit 27 changes again and is applied.
        fixture.service.linkProvenPhone("user-2", P2);
        store(visit(27, now.minusSeconds(100), 1, false, P1, "3000.00"));
        fixture.drain(mapping);
        assertEquals(3, mapping.discardedBatches());
        assertEquals(new BigDecimal("450.00"), fixture.balance("user-1"));

        ObjectNode batchA = fixture.failures.get(0);
        ObjectNode batchB = fixture.failures.get(1).deepCopy();
        ((ObjectNode) batchB.path("DDBStreamBatchInfo")).put("shardId", GONE_SHARD);
        fixture.send(batchA);
        fixture.send(batchA); // Lambda's destinations deliver at least once
        fixture.send(batchB);
        fixture.send(fixture.failures.get(2));

        Map<String, BigDecimal> oracle = oracle();
        assertEquals(Map.of("USER#user-1", new BigDecimal("475.00"), "USER#user-2", new BigDecimal("100.00")), oracle,
                "the oracle itself: visits 11 and 21 (2000 × 5 %), 25 (1500), 26 (1000) and 27 (3000) for user-1, 24 for user-2");
        assertNotEquals(oracle, balances(), "before recovery the ledger is behind: this test can fail");

        // A recovery while the ledger is still down: every record fails, every message stays.
        try (AutoCloseable down = TableOutage.of(fixture.ledgerTable)) {
            RecoveryFixture.Result failed = fixture.run("recover-accruals", "--dlq");
            assertEquals(1, failed.code(), failed.all());
            assertTrue(failed.out().contains("dead-letter messages: 4 read, 0 deleted, 4 not recovered (kept in the queue"), failed.out());
        }
        assertEquals(4, fixture.visibleMessages(), "released at once for the next run");

        RecoveryFixture.Result dry = fixture.run("recover-accruals", "--dlq", "--dry-run");
        assertEquals(0, dry.code(), dry.all());
        assertEquals(6, dry.out().lines().filter(line -> line.startsWith("📝 ")).count(), dry.out());
        assertTrue(dry.out().contains("record 13: would write REVERSAL -100.00"), dry.out());
        assertEquals(4, fixture.visibleMessages());
        assertEquals(new BigDecimal("450.00"), fixture.balance("user-1"), "a dry run writes nothing");

        RecoveryFixture.Result recovered = fixture.run("recover-accruals", "--dlq");
        assertEquals(0, recovered.code(), recovered.all());
        String out = recovered.out();
        assertTrue(out.contains("the same batch as an earlier message (a duplicate delivery)"), out);
        assertTrue(out.contains("batch of 5 stream record(s) from "), out);
        assertTrue(out.contains(": read from the stream, 4 record(s)"), out);
        assertTrue(out.contains(": read from the stream, 1 record(s)"), out);
        assertTrue(out.contains(": no longer in the stream; records changed in [the beginning, "), out);
        for (String decided : new String[] {"record 21: ACCRUAL 100.00 for a user owner", "record 12: REVERSAL -100.00",
                "record 13: REVERSAL -100.00", "record 24: ACCRUAL 100.00 for a user owner", "record 25: ACCRUAL 75.00",
                "record 26: ACCRUAL 50.00"}) {
            assertTrue(out.contains(decided), decided + " in\n" + out);
        }
        // 21, 12, 22, 23 (not stored), 27 from the stream; the window: 11, 13, 24, 25, 26 and the rest again (decided once).
        assertTrue(out.contains("records examined 10: 6 with entries written, 4 unchanged (2 already applied, 1 nothing to pay, "
                + "0 incomplete until the next sync, 1 not stored), 0 failed"), out);
        assertTrue(out.contains("dead-letter messages: 4 read, 4 deleted, 0 not recovered"), out);
        assertFalse(recovered.all().contains(P1.substring(1)) || recovered.all().contains(P2.substring(1)), "no phone printed");
        assertEquals(0, fixture.messagesInQueue());
        assertEquals(oracle, balances());
        assertEntriesSumToEachRecordsWorth(oracle);

        // Running again, or over everything, changes nothing.
        RecoveryFixture.Result empty = fixture.run("recover-accruals", "--dlq");
        assertEquals(0, empty.code());
        assertTrue(empty.out().contains("BonusDeadLetterQueue is empty"), empty.out());
        RecoveryFixture.Result everything = fixture.run("recover-accruals", "--company", Long.toString(COMPANY));
        assertEquals(0, everything.code());
        assertTrue(everything.out().contains("records examined 9: 0 with entries written, 9 unchanged (9 already applied"), everything.out());
        assertEquals(oracle, balances());
    }

    @Test
    void aMessageThatDescribesNoStreamBatchStaysAndTheOthersAreRecovered() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixture.service.linkProvenPhone("user-1", P1);
        StreamMapping mapping = fixture.mapping(10, 1);
        try (AutoCloseable down = TableOutage.of(fixture.ledgerTable)) {
            store(visit(31, now, 1, false, P1, "2000.00"));
            fixture.drain(mapping);
        }
        fixture.send(fixture.failures.getFirst());
        // An asynchronous invocation's on-failure record, sent to this queue by a misconfigured destination.
        fixture.send("{\"version\":\"1.0\",\"requestContext\":{\"condition\":\"RetriesExhausted\"},\"requestPayload\":{}}");

        RecoveryFixture.Result result = fixture.run("recover-accruals", "--dlq");

        assertEquals(1, result.code(), result.all());
        assertTrue(result.out().contains("no DDBStreamBatchInfo: not the on-failure record of a DynamoDB stream batch; kept in the queue"),
                result.out());
        assertTrue(result.out().contains("dead-letter messages: 2 read, 1 deleted, 1 not recovered"), result.out());
        assertEquals(new BigDecimal("100.00"), fixture.balance("user-1"));
        assertEquals(1, fixture.messagesInQueue(), "only the unreadable message is left, for a person to look at");
    }

    private void store(StoredRecord record) {
        fixture.records.upsert(record);
    }

    /**
     * Each stored record's current version applied once, owned as the README's table says (these all name a phone:
     * whoever proved it, else pending under it); a record removed by hand has no version and earns nothing here.
     */
    private Map<String, BigDecimal> oracle() {
        CompanyBonusRules rules = CompanyBonusRules.from(Config.of(fixture.env));
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Map<String, AttributeValue> item : fixture.dynamo.scanPaginator(r -> r.tableName(fixture.recordsTable)).items()) {
            StoredRecord record = RecordItem.fromItem(item);
            String phone = record.clientPhoneE164();
            String owner = PROVEN.containsKey(phone) ? BonusOwner.user(PROVEN.get(phone)).key() : BonusOwner.pendingPhone(phone).key();
            BigDecimal worth = BonusPolicy.earned(record, rules.forCompany(record.companyId()));
            if (worth.signum() != 0) {
                expected.merge(owner, worth, BigDecimal::add);
            }
        }
        return expected;
    }

    /** Every owner's BALANCE item that holds money, and each must equal the sum of its entries. */
    private Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> balances = new TreeMap<>();
        Map<String, BigDecimal> entries = new HashMap<>();
        for (Map<String, AttributeValue> item : fixture.dynamo.scanPaginator(r -> r.tableName(fixture.ledgerTable)).items()) {
            String owner = item.get("ledger_key").s();
            String key = item.get("item_key").s();
            if (key.equals("BALANCE") && new BigDecimal(item.get("balance").n()).signum() != 0) {
                balances.put(owner, new BigDecimal(item.get("balance").n()).setScale(2));
            } else if (key.startsWith("ENTRY#")) {
                entries.merge(owner, new BigDecimal(item.get("amount").n()), BigDecimal::add);
            }
        }
        balances.forEach((owner, balance) -> assertEquals(0, balance.compareTo(entries.getOrDefault(owner, BigDecimal.ZERO)),
                owner + ": the balance is the sum of its entries"));
        return balances;
    }

    /** No double accrual: per record, the entries sum to what its current version is worth. */
    private void assertEntriesSumToEachRecordsWorth(Map<String, BigDecimal> oracle) {
        CompanyBonusRules rules = CompanyBonusRules.from(Config.of(fixture.env));
        Map<Long, BigDecimal> paid = new HashMap<>();
        for (Map<String, AttributeValue> item : fixture.dynamo.scanPaginator(r -> r.tableName(fixture.ledgerTable)).items()) {
            if (item.get("item_key").s().startsWith("ENTRY#")) {
                paid.merge(Long.parseLong(item.get("record_id").n()), new BigDecimal(item.get("amount").n()), BigDecimal::add);
            }
        }
        for (Map<String, AttributeValue> item : fixture.dynamo.scanPaginator(r -> r.tableName(fixture.recordsTable)).items()) {
            StoredRecord record = RecordItem.fromItem(item);
            BigDecimal worth = BonusPolicy.earned(record, rules.forCompany(COMPANY));
            assertEquals(0, worth.compareTo(paid.getOrDefault(record.recordId(), BigDecimal.ZERO)), "record " + record.recordId());
        }
        assertEquals(0, paid.getOrDefault(23L, BigDecimal.ZERO).signum(), "the record removed by hand earned nothing");
        assertFalse(oracle.isEmpty());
    }
}

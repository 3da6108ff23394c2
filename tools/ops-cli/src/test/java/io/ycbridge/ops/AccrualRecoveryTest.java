package io.ycbridge.ops;

import static io.ycbridge.ops.RecoveryFixture.COMPANY;
import static io.ycbridge.ops.RecoveryFixture.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.CompanyBonusRules;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each outcome of one record's recovery, against DynamoDB Local, with the accrual service the function uses. */
@ExtendWith(LocalDynamoDbExtension.class)
class AccrualRecoveryTest {
    private static final String PHONE = "+79990000101";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final LocalDynamoDb local;
    private RecoveryFixture fixture;
    private BonusAccrualService service;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    AccrualRecoveryTest(LocalDynamoDb local) {
        this.local = local;
    }

    @BeforeEach
    void start() {
        fixture = new RecoveryFixture(local, null);
        service = fixture.service;
        service.linkProvenPhone("user-1", PHONE);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private AccrualRecovery recovery(boolean dryRun) {
        return new AccrualRecovery(fixture.records, service, dryRun, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static RecordKey key(long record) {
        return new RecordKey(COMPANY, record);
    }

    private BigDecimal balance() {
        return fixture.balance("user-1");
    }

    @Test
    void aStoredVersionTheLedgerNeverSawIsAccruedOnceThenSkipped() {
        fixture.records.upsert(visit(1, NOW, 1, false, PHONE, "2000.00"));

        AccrualRecovery first = recovery(false);
        assertTrue(first.recover(key(1)));
        assertEquals(1, first.count(AccrualRecovery.Outcome.WRITTEN));
        assertEquals(new BigDecimal("100.00"), balance());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("company 235564 record 1: ACCRUAL 100.00 for a user owner"), printed.toString());
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains(PHONE.substring(1)), "no phone printed");

        AccrualRecovery second = recovery(false);
        assertTrue(second.recover(key(1)));
        assertEquals(1, second.count(AccrualRecovery.Outcome.ALREADY_APPLIED));
        assertEquals(new BigDecimal("100.00"), balance(), "a second run pays nothing");
    }

    @Test
    void aRecordTheStreamProcessedIsAlreadyAppliedWithTheStoredRevision() {
        StoredRecord stored = visit(2, NOW, 1, false, PHONE, "2000.00");
        fixture.records.upsert(stored);
        // What the function did with the stream image: the same version and write counter the table holds.
        service.accrue(stored, fixture.records.revision(COMPANY, 2).orElseThrow().revision());

        AccrualRecovery recovery = recovery(false);
        recovery.recover(key(2));

        assertEquals(1, recovery.count(AccrualRecovery.Outcome.ALREADY_APPLIED));
        assertEquals(new BigDecimal("100.00"), balance());
    }

    @Test
    void aNewerVersionThatMovesNoMoneyOnlyRecordsTheVersion() {
        fixture.records.upsert(visit(3, NOW, 0, false, PHONE, "2000.00")); // booked, not yet come

        AccrualRecovery recovery = recovery(false);
        recovery.recover(key(3));

        assertEquals(1, recovery.count(AccrualRecovery.Outcome.NOTHING_TO_PAY));
        assertTrue(fixture.ledger.state(COMPANY, 3).seen(), "the version is recorded, so an older one arriving later is stale");
    }

    @Test
    void aCancellationAfterAPaidCompletionIsReversed() {
        StoredRecord completed = visit(4, NOW, 1, false, PHONE, "2000.00");
        fixture.records.upsert(completed);
        service.accrue(completed, 1);
        fixture.records.upsert(visit(4, NOW.plusSeconds(60), -1, false, PHONE, "2000.00"));

        AccrualRecovery recovery = recovery(false);
        recovery.recover(key(4));

        assertEquals(1, recovery.count(AccrualRecovery.Outcome.WRITTEN));
        assertEquals(new BigDecimal("0.00"), balance());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("REVERSAL -100.00"), printed.toString());
    }

    @Test
    void incompleteAndMissingRecordsAreLeftAsTheyAre() {
        StoredRecord incomplete = visit(5, NOW, 1, false, PHONE, "2000.00");
        fixture.records.upsert(new StoredRecord(incomplete.companyId(), incomplete.recordId(), incomplete.changedAt(), false, incomplete.clientId(),
                incomplete.clientPhone(), incomplete.staffId(), 1, true, incomplete.services(), incomplete.startsAt(), incomplete.seanceLength(),
                null, true, incomplete.source()));

        AccrualRecovery recovery = recovery(false);
        assertTrue(recovery.recover(key(5)));
        assertTrue(recovery.recover(key(6)));

        assertEquals(1, recovery.count(AccrualRecovery.Outcome.INCOMPLETE));
        assertEquals(1, recovery.count(AccrualRecovery.Outcome.NOT_STORED));
        assertEquals(new BigDecimal("0.00"), balance());
        assertFalse(recovery.anyFailed());
    }

    @Test
    void aRecordThatCannotBeDecidedIsAFailureAndNothingElseStops() {
        fixture.records.upsert(visit(7, NOW, 1, false, PHONE, "2000.00"));
        fixture.records.upsert(visit(8, NOW, 1, false, PHONE, "2000.00"));
        BonusAccrualService broken = new BonusAccrualService(new BonusLedgerStore(local.client(), "no-such-ledger-table"),
                new UserLinkStore(local.client(), fixture.env.get("USER_LINKS_TABLE")), CompanyBonusRules.uniform(BonusRules.percent("5")));

        AccrualRecovery recovery = new AccrualRecovery(fixture.records, broken, false, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertFalse(recovery.recover(key(7)));
        assertFalse(recovery.recover(key(8)));

        assertTrue(recovery.anyFailed());
        assertEquals(2, recovery.count(AccrualRecovery.Outcome.FAILED));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("❌ company 235564 record 7: ResourceNotFoundException"), printed.toString());
        assertEquals("records examined 2: 0 with entries written, 0 unchanged (0 already applied, 0 nothing to pay, 0 incomplete until the "
                + "next sync, 0 not stored), 2 failed", recovery.summary());
    }

    @Test
    void aRecordNamedTwiceInOneRunIsDecidedOnce() {
        fixture.records.upsert(visit(9, NOW, 1, false, PHONE, "2000.00"));

        AccrualRecovery recovery = recovery(false);
        recovery.recover(key(9));
        recovery.recover(key(9));

        assertEquals(1, recovery.examined());
        assertEquals(1, recovery.count(AccrualRecovery.Outcome.WRITTEN));
        assertEquals(0, recovery.count(AccrualRecovery.Outcome.ALREADY_APPLIED));
    }

    @Test
    void aDryRunSaysWhatItWouldWriteAndWritesNothing() {
        fixture.records.upsert(visit(10, NOW, 1, false, PHONE, "2000.00"));

        AccrualRecovery dry = recovery(true);
        dry.recover(key(10));

        assertEquals(1, dry.count(AccrualRecovery.Outcome.WRITTEN));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("📝 company 235564 record 10: would write ACCRUAL 100.00"), printed.toString());
        assertTrue(dry.summary().startsWith("records examined 1: 1 would get entries"), dry.summary());
        assertEquals(new BigDecimal("0.00"), balance());
        assertFalse(fixture.ledger.state(COMPANY, 10).seen(), "not even the version was written");
        AccrualRecovery real = recovery(false);
        real.recover(key(10));
        assertEquals(1, real.count(AccrualRecovery.Outcome.WRITTEN), "the real run still has it to do");
    }
}

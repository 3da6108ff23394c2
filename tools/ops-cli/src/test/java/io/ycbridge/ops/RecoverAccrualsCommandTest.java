package io.ycbridge.ops;

import static io.ycbridge.ops.RecoveryFixture.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code recover-accruals} by company and by window, and its usage errors; the dead-letter queue is RecoverAccrualsIT's. */
@ExtendWith(LocalDynamoDbExtension.class)
class RecoverAccrualsCommandTest {
    private static final String PHONE = "+79990000201";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final LocalDynamoDb local;
    private RecoveryFixture fixture;

    RecoverAccrualsCommandTest(LocalDynamoDb local) {
        this.local = local;
    }

    @BeforeEach
    void start() {
        fixture = new RecoveryFixture(local, null);
        fixture.service.linkProvenPhone("user-1", PHONE);
        // Stored, never accrued: the stream failed on them (or they were stored while accrual was switched off).
        fixture.records.upsert(visit(1, NOW.minus(Duration.ofDays(3)), 1, false, PHONE, "2000.00"));
        fixture.records.upsert(visit(2, NOW.minus(Duration.ofHours(2)), 1, false, PHONE, "1000.00"));
        fixture.records.upsert(visit(3, NOW.minus(Duration.ofHours(1)), -1, false, PHONE, "1000.00"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aWindowTakesTheRecordsChangedInItInYClientsThenNothingIsLeft() {
        RecoveryFixture.Result window = fixture.run("recover-accruals", "--from", NOW.minus(Duration.ofDays(1)).toString(), "--to", NOW.toString());

        assertEquals(0, window.code(), window.all());
        assertTrue(window.out().contains("records changed in [" + NOW.minus(Duration.ofDays(1)) + ", " + NOW + ") of companies [235564]"), window.out());
        assertTrue(window.out().contains("records examined 2: 1 with entries written, 1 unchanged (0 already applied, 1 nothing to pay"), window.out());
        assertEquals(new BigDecimal("50.00"), fixture.balance("user-1"), "record 1 changed three days ago is outside the window");

        RecoveryFixture.Result company = fixture.run("recover-accruals", "--company", "235564");
        assertEquals(0, company.code());
        assertTrue(company.out().contains("records changed in [the beginning, now) of companies [235564]"), company.out());
        assertTrue(company.out().contains("records examined 3: 1 with entries written, 2 unchanged (2 already applied"), company.out());
        assertEquals(new BigDecimal("150.00"), fixture.balance("user-1"));

        RecoveryFixture.Result again = fixture.run("recover-accruals", "--company", "235564", "--from", "2000-01-01", "--to", "2100-01-01");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("records examined 3: 0 with entries written, 3 unchanged (3 already applied"), again.out());
        assertEquals(new BigDecimal("150.00"), fixture.balance("user-1"), "a second run changes no balance");
    }

    @Test
    void aDryRunNamesTheRulesAndWritesNothing() {
        RecoveryFixture.Result dry = fixture.run("recover-accruals", "--company", "235564", "--dry-run");

        assertEquals(0, dry.code(), dry.all());
        assertTrue(dry.out().startsWith("recover-accruals (dry run: nothing is written, no message deleted) with the rules 5 %, 2 decimals DOWN, "
                + "cap per visit none\n"), dry.out());
        assertTrue(dry.out().contains("records examined 3: 2 would get entries"), dry.out());
        assertEquals(new BigDecimal("0.00"), fixture.balance("user-1"));
        assertTrue(!dry.all().contains(PHONE.substring(1)), "no phone printed");
    }

    @Test
    void aRecordThatFailsMakesTheExitCodeOne() throws Exception {
        try (AutoCloseable down = TableOutage.of(fixture.ledgerTable)) {
            RecoveryFixture.Result failed = fixture.run("recover-accruals", "--company", "235564");

            assertEquals(1, failed.code(), failed.all());
            assertTrue(failed.out().contains("0 with entries written, 0 unchanged (0 already applied, 0 nothing to pay, 0 incomplete until "
                    + "the next sync, 0 not stored), 3 failed"), failed.out());
        }
        assertEquals(0, fixture.run("recover-accruals", "--company", "235564").code());
        assertEquals(new BigDecimal("150.00"), fixture.balance("user-1"));
    }

    @Test
    void theRecordsAreNamedExactlyOneWay() {
        for (String[] args : new String[][] {
                {"recover-accruals"},
                {"recover-accruals", "--dlq", "--company", "235564"},
                {"recover-accruals", "--dlq", "--from", "2026-11-01", "--to", "2026-11-02"},
                {"recover-accruals", "--from", "2026-11-01"},
                {"recover-accruals", "--company", "235564", "--to", "2026-11-02"},
                {"recover-accruals", "--from", "2026-11-02", "--to", "2026-11-01"},
                {"recover-accruals", "--company", "235564", "--lookback-days", "30"},
                {"recover-accruals", "--dlq", "--lookback-days", "0"},
                {"recover-accruals", "--company", "-5"}}) {
            RecoveryFixture.Result result = fixture.run(args);
            assertEquals(2, result.code(), String.join(" ", args) + ": " + result.all());
        }
        assertTrue(fixture.run("recover-accruals").err().contains("name the records one way: --dlq, or --company ID [--from T --to T], or --from T --to T"));
    }

    @Test
    void missingConfigurationIsAUsageErrorNamingIt() {
        fixture.env.remove("BONUS_PERCENT");
        RecoveryFixture.Result noRules = fixture.run("recover-accruals", "--company", "235564");
        assertEquals(2, noRules.code());
        assertTrue(noRules.err().contains("BONUS_PERCENT"), noRules.err());
        assertTrue(noRules.err().contains("exactly as deployed"), noRules.err());

        fixture.env.put("BONUS_PERCENT", "5");
        RecoveryFixture.Result noQueue = fixture.run("recover-accruals", "--dlq");
        assertEquals(2, noQueue.code());
        assertTrue(noQueue.err().contains("BONUS_DEAD_LETTER_QUEUE_URL") && noQueue.err().contains("BonusDeadLetterQueueUrl"), noQueue.err());

        fixture.env.remove("COMPANY_IDS");
        RecoveryFixture.Result noCompanies = fixture.run("recover-accruals", "--from", "2026-11-01", "--to", "2026-11-02");
        assertEquals(2, noCompanies.code());
        assertTrue(noCompanies.err().contains("set COMPANY_IDS"), noCompanies.err());
        assertEquals(new BigDecimal("0.00"), fixture.balance("user-1"));
    }
}

package io.ycbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Offset paging over a feed that changes while it is read: a record on an early page changes, leaves the bounded
 * window, every later record moves up a place, and the first record of the next page is never served. Before the
 * sweep checked for that, the cursor moved past the skipped record and no later run read it again.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SkipProofPagingTest {
    private static final Instant NO_DEADLINE = Instant.parse("2100-01-01T00:00:00Z");
    /** Three pages of 200: enough for a change on page one to shift records past two page boundaries. */
    private static final int RECORDS = 450;
    private static final long COMPANY = 500_001L;

    private final DynamoDbClient dynamoDb;
    private SyncFixture fixture;
    private CatalogSyncService service;

    SkipProofPagingTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void start() {
        fixture = new SyncFixture(dynamoDb);
        fixture.sim.seed(SimulatorSeed.large(1, 5, 2, RECORDS, 7));
        // One slice over the whole seeded history, so one window spans every page.
        service = fixture.service(new SyncSettings(Duration.ofDays(120), Duration.ofMinutes(5), Duration.ofDays(120),
                SyncSettings.DEFAULT.defaultZone()));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRecordChangedOnAnEarlierPageWhileTheWindowIsReadShiftsNoRecordOutOfTheSweep() {
        List<Long> ids = fixture.sim.data().recordIds(COMPANY);
        fixture.sim.faults().on("/records/" + COMPANY).next(changeOf(ids.getFirst()));

        CompanySync first = service.sync(COMPANY, NO_DEADLINE);
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        CompanySync next = service.sync(COMPANY, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, first.outcome(), String.valueOf(first.error()));
        assertEquals(SyncOutcome.OK, next.outcome(), String.valueOf(next.error()));
        assertEquals(List.of(), missing(ids), "every record of the window is stored");
        assertTrue(fixture.records.get(COMPANY, ids.getFirst()).orElseThrow().attendance() == 2,
                "the record that changed during the read is stored as it is now");
    }

    @Test
    void aSweepThatFailsAfterAShiftedPageKeepsItsCursorAndTheNextRunStoresEveryRecord() {
        List<Long> ids = fixture.sim.data().recordIds(COMPANY);
        fixture.sim.faults().on("/records/" + COMPANY).next(Fault.changeBeforeNextPage(() -> {
            changeNow(ids.getFirst());
            // The page after the shifted one fails past the client's retries.
            fixture.sim.faults().on("/records/" + COMPANY).next(8, Fault.serverError());
        }));

        CompanySync failed = service.sync(COMPANY, NO_DEADLINE);

        assertEquals(SyncOutcome.FAILED, failed.outcome());
        assertEquals(Optional.empty(), fixture.states.get(COMPANY).cursor(), "no slice finished, so no cursor");
        fixture.sim.faults().clear();
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        CompanySync next = service.sync(COMPANY, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, next.outcome(), String.valueOf(next.error()));
        assertEquals(List.of(), missing(ids));
    }

    @Test
    void aFeedThatNeverHoldsStillLeavesTheCursorForTheNextRunInsteadOfTrustingAShiftedRead() {
        List<Long> ids = fixture.sim.data().recordIds(COMPANY);
        // Every later page of every pass sees one more early record changed.
        java.util.Iterator<Long> early = ids.iterator();
        fixture.sim.faults().on("/records/" + COMPANY).always(Fault.changeBeforeNextPage(() -> changeNow(early.next())));

        CompanySync restless = service.sync(COMPANY, NO_DEADLINE);

        assertEquals(SyncOutcome.PARTIAL, restless.outcome());
        assertEquals(Optional.empty(), fixture.states.get(COMPANY).cursor(), "the window is read again next run");
        assertTrue(fixture.logs.lines().stream().anyMatch(line -> line.contains("\"window-unsettled\"")), "logged");
        fixture.sim.faults().clear();
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        assertEquals(SyncOutcome.OK, service.sync(COMPANY, NO_DEADLINE).outcome());
        assertEquals(List.of(), missing(ids));
    }

    private Fault changeOf(long recordId) {
        return Fault.changeBeforeNextPage(() -> changeNow(recordId));
    }

    /** A second later than anything read so far, as a real change during the read would be. */
    private void changeNow(long recordId) {
        fixture.sim.clock().advance(Duration.ofSeconds(1));
        fixture.sim.data().markConfirmed(COMPANY, recordId);
    }

    private List<Long> missing(List<Long> ids) {
        return ids.stream().filter(id -> fixture.records.get(COMPANY, id).isEmpty()).toList();
    }
}

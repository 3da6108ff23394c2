package io.ycbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.sync.SyncFreshness;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The staleness rule at the default schedule, rate(30 minutes): ticks at 09:00, 09:30, 10:00 … */
class StalenessPolicyTest {
    private static final long COMPANY = 235564;
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final StalenessPolicy POLICY = new StalenessPolicy(HALF_HOUR);
    private static final Instant TICK = Instant.parse("2026-11-20T09:00:00Z");

    private static SyncFreshness succeeded(Instant at, String lastOutcome) {
        return new SyncFreshness(COMPANY, Optional.of(at), Optional.of(lastOutcome), Optional.empty());
    }

    private static Instant ticks(int n) {
        return TICK.plus(HALF_HOUR.multipliedBy(n));
    }

    @Test
    void aCompanySyncedThisCycleOrTheLastIsFresh() {
        // Runs start seconds after their tick; the stamp is when the run started.
        SyncFreshness synced = succeeded(TICK.plusSeconds(4), "ok");
        assertFalse(POLICY.stale(synced, ticks(1)));
        assertFalse(POLICY.stale(synced, ticks(2)), "one cycle without a success is not yet stale");
    }

    @Test
    void twoCyclesInARowWithoutASuccessMakeItStale() {
        SyncFreshness synced = succeeded(TICK.plusSeconds(4), "ok");
        assertTrue(POLICY.stale(synced, ticks(3)), "the syncs queued at 09:30 and 10:00 both brought no success");
        assertTrue(POLICY.stale(synced, ticks(48)));
    }

    @Test
    void aLateTickDoesNotTipACompanyThatMissedOnlyOneCycle() {
        SyncFreshness synced = succeeded(TICK.plusSeconds(1), "ok");
        assertFalse(POLICY.stale(synced, ticks(2).plusSeconds(90)), "the scheduler fired 90 s late");
        assertEquals(Duration.ofMinutes(63), POLICY.limit());
    }

    @Test
    void aFailingCompanyThatSucceededRecentlyIsNotStale() {
        // Its last run was refused (the outcome is kept), but its last success is from the previous cycle.
        SyncFreshness failing = succeeded(ticks(1).plusSeconds(5), "refused");
        assertFalse(POLICY.stale(failing, ticks(2).plusSeconds(3)));
        assertTrue(POLICY.stale(failing, ticks(4).plusSeconds(3)), "stale once the failures outlast two cycles");
    }

    @Test
    void aCompanyThatNeverSyncedHasItsFirstTwoCyclesFromWhenItWasFirstQueued() {
        SyncFreshness firstQueued = new SyncFreshness(COMPANY, Optional.empty(), Optional.of("failed"), Optional.of(TICK));
        assertFalse(POLICY.stale(firstQueued, TICK));
        assertFalse(POLICY.stale(firstQueued, ticks(1)));
        assertFalse(POLICY.stale(firstQueued, ticks(2)));
        assertTrue(POLICY.stale(firstQueued, ticks(3)), "two cycles after the first brought no success at all");
    }

    @Test
    void aCompanyNeverQueuedBeforeIsNotStale() {
        // The service stamps it now; until then there is nothing to measure from.
        assertFalse(POLICY.stale(SyncFreshness.unknown(COMPANY), ticks(100)));
        assertEquals(Optional.empty(), StalenessPolicy.since(SyncFreshness.unknown(COMPANY)));
    }

    @Test
    void aSuccessCountsOverTheFirstScheduling() {
        SyncFreshness both = new SyncFreshness(COMPANY, Optional.of(ticks(10)), Optional.of("ok"), Optional.of(TICK));
        assertEquals(Optional.of(ticks(10)), StalenessPolicy.since(both));
        assertFalse(POLICY.stale(both, ticks(12)));
    }
}

package io.ycbridge.api;

import io.ycbridge.api.SlotScheduleStore.Lease;
import io.ycbridge.api.SlotScheduleStore.Leased;
import io.ycbridge.api.SlotScheduleStore.Schedule;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The rate limit every Lambda invocation shares: YClients limits a partner token (5/s and 200/min), not a JVM, and
 * the sync's SQS fan-out runs several execution environments at once. Instead of spending tokens from two buckets
 * (a read and a conditional write for each, four DynamoDB calls per API request), the token's requests go out at
 * evenly spaced slots of one shared schedule ({@link SlotSpacing}: one interval that keeps both windows), one item in
 * SyncStateTable ({@link SlotScheduleStore}). A worker (one execution environment) leases several consecutive slots
 * in one conditional write and sends its requests at them with no further DynamoDB call; how many it leases follows
 * its own use ({@link LeaseSizePolicy}), since a slot not used within {@link SlotSpacing#LATENESS} is dropped: sent
 * later, it could crowd a window. Leased slots survive the invocation (a warm environment's next SQS message uses
 * them); {@link #returnUnused} gives them back when the caller knows it goes idle.
 *
 * <p>A 429 ({@link #rateLimited}) pushes the shared schedule's next slot past the pause and halves the rate for
 * {@link #SLOW_FOR}: the worker that was told drops its own slots at once; the others slow down at their next lease,
 * since slots already leased are promises nobody can reach without a DynamoDB call per request, which is what this
 * class saves. So the others run on for at most one lease (8 slots, 2.4 s).
 *
 * <p>A SnapStart snapshot holds no slot ({@link #beforeCheckpoint}): every environment restored from it would send at
 * the same ones.
 *
 * <p>The schedule's times are each worker's clock: Lambda hosts keep theirs within a millisecond or so, much less than
 * the lateness allowed.
 */
public final class SharedSlotLimiter implements RateLimiter, Resource {
    /** How long the rate stays halved after a 429: the longer of YClients' windows. */
    static final Duration SLOW_FOR = Duration.ofMinutes(1);

    private final SlotScheduleStore store;
    private final Supplier<String> partnerToken;
    private final SlotSpacing spacing;
    private final LeaseSizePolicy sizes;
    private final Clock clock;
    private final Sleeper sleeper;

    // All below guarded by this; a DynamoDB write is made holding it, so a JVM's threads never lease twice at once.
    private String token;
    private long key;
    private Schedule seen = Schedule.UNSEEN;
    /** Null before the first lease and after one was dropped (a 429, given back, another token). */
    private Lease lease;
    private int taken;
    private int expired;
    private int size;

    SharedSlotLimiter(SlotScheduleStore store, Supplier<String> partnerToken, SlotSpacing spacing, LeaseSizePolicy sizes,
                      Clock clock, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
        this.partnerToken = Objects.requireNonNull(partnerToken, "partnerToken");
        this.spacing = Objects.requireNonNull(spacing, "spacing");
        this.sizes = Objects.requireNonNull(sizes, "sizes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.size = sizes.first();
    }

    /**
     * @param partnerToken read on every request, so a rotated token gets its own schedule at once
     * @param largestLease the most slots leased at once: 1 for a caller a user waits for
     */
    public static SharedSlotLimiter forPartnerToken(DynamoDbClient client, String tableName, Supplier<String> partnerToken, int perSecond,
                                                    int perMinute, int largestLease, Clock clock, Sleeper sleeper) {
        SharedSlotLimiter limiter = new SharedSlotLimiter(new SlotScheduleStore(client, tableName), partnerToken,
                SlotSpacing.forLimits(perSecond, perMinute), new LeaseSizePolicy(largestLease), clock, sleeper);
        // CRaC holds registered resources weakly; the client that uses the limiter keeps it alive.
        Core.getGlobalContext().register(limiter);
        return limiter;
    }

    @Override
    public void acquire() throws InterruptedException {
        long slot;
        synchronized (this) {
            followToken();
            slot = nextSlot(micros());
        }
        long wait = slot - micros();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait * 1_000));
        }
    }

    @Override
    public synchronized void rateLimited(Duration retryAfter) {
        followToken();
        // This worker's slots belong to the schedule YClients just refused.
        lease = null;
        long now = micros();
        try {
            Schedule after = store.pushBack(key, now + RateLimiter.pauseAfter429(retryAfter).toNanos() / 1_000,
                    now + SLOW_FOR.toNanos() / 1_000);
            if (after != null) {
                seen = after;
            }
        } catch (SdkException unrecorded) {
            // Best effort: the caller gets the 429 it was sent, not DynamoDB's trouble; this worker slowed down anyway.
        }
    }

    @Override
    public synchronized void returnUnused() {
        if (lease == null) {
            return;
        }
        long now = micros();
        while (taken < lease.count() && lease.slot(taken) + spacing.latenessMicros() < now) {
            taken++;
        }
        Lease unused = lease;
        int from = taken;
        lease = null;
        if (from < unused.count()) {
            try {
                if (store.giveBack(key, unused.slot(from), unused.end())) {
                    seen = new Schedule(unused.slot(from), seen.slowUntil());
                }
            } catch (SdkException notReturned) {
                // The slots go by unused, which costs throughput for a moment and nothing else.
            }
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        returnUnused();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to do: the first request in the restored environment leases its own slots.
    }

    /** How many slots the next lease takes; for tests. */
    synchronized int leaseSize() {
        return size;
    }

    private long nextSlot(long now) {
        while (true) {
            if (lease != null) {
                while (taken < lease.count()) {
                    long slot = lease.slot(taken++);
                    if (slot + spacing.latenessMicros() >= now) {
                        return slot;
                    }
                    expired++;
                }
                size = sizes.next(size, expired);
            }
            Leased leased = store.lease(key, size, spacing.intervalMicros(), now, seen);
            lease = leased.lease();
            seen = leased.schedule();
            taken = 0;
            expired = 0;
        }
    }

    private void followToken() {
        String current = partnerToken.get();
        if (!current.equals(token)) {
            token = current;
            key = SlotScheduleStore.keyFor(current);
            seen = Schedule.UNSEEN;
            lease = null;
        }
    }

    private long micros() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}

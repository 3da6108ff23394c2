package io.ycbridge.sync;

import io.ycbridge.yclients.RequestObserver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts HTTP exchanges (retries included: each one costs rate-limit budget) per thread, so a company's count is
 * right even when the in-process fan-out syncs several companies at once; the client sends on the calling thread.
 */
public final class RequestCounter implements RequestObserver {
    private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[1]);
    private final AtomicLong total = new AtomicLong();

    @Override
    public void exchanged(String method, String path, int status, Duration took, int attempt) {
        perThread.get()[0]++;
        total.incrementAndGet();
    }

    /** Requests made so far on this thread; callers take differences. */
    public long onThisThread() {
        return perThread.get()[0];
    }

    public long total() {
        return total.get();
    }
}

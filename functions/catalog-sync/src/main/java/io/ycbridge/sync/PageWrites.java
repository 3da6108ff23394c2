package io.ycbridge.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Pages of one window stored while the next page is read, so a sweep runs at the API's pace (one page per rate-limit
 * slot) rather than at the pace of 200 conditional writes in a row. At most {@code pending} pages wait or are written
 * at once: memory stays bounded, and a reader that is ahead waits for the writers.
 */
final class PageWrites {
    private final ExecutorService writers;
    private final Semaphore pending;
    private final List<Future<PageTally>> submitted = new ArrayList<>();

    PageWrites(ExecutorService writers, int pending) {
        this.writers = writers;
        this.pending = new Semaphore(pending);
    }

    void submit(Callable<PageTally> page) {
        try {
            pending.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for page writes", interrupted);
        }
        try {
            submitted.add(writers.submit(() -> {
                try {
                    return page.call();
                } finally {
                    pending.release();
                }
            }));
        } catch (RuntimeException rejected) {
            pending.release();
            throw rejected;
        }
    }

    /**
     * Waits for every page submitted and tells {@code counted} what each stored. The first failure is thrown after
     * all have ended, so no write is still running when the caller decides about the cursor.
     */
    void finish(Consumer<PageTally> counted) {
        RuntimeException failure = await(counted);
        if (failure != null) {
            throw failure;
        }
    }

    /** The same after reading failed: the read's failure is the one the caller sees, a write's rides along with it. */
    void finishAfter(RuntimeException readFailure, Consumer<PageTally> counted) {
        RuntimeException failure = await(counted);
        if (failure != null && failure != readFailure) {
            readFailure.addSuppressed(failure);
        }
    }

    private RuntimeException await(Consumer<PageTally> counted) {
        RuntimeException failure = null;
        for (Future<PageTally> page : submitted) {
            try {
                counted.accept(page.get());
            } catch (ExecutionException failed) {
                if (failure == null) {
                    failure = failed.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("a page write failed", failed.getCause());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while waiting for page writes", interrupted);
                break;
            }
        }
        submitted.clear();
        return failure;
    }
}

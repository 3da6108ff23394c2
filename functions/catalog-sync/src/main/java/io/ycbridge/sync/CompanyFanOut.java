package io.ycbridge.sync;

import java.time.Instant;
import java.util.List;

/**
 * What the schedule run does with the companies: in Lambda, one SQS message each ({@link SqsFanOut}), consumed by
 * the same function with bounded concurrency; locally and in tests, the same work in this process
 * ({@link InProcessFanOut}).
 */
@FunctionalInterface
public interface CompanyFanOut {
    SyncSummary dispatch(List<SyncRequest> requests, Instant deadline);
}

package io.ycbridge.sync;

import java.time.Instant;
import java.util.List;

/**
 * What a schedule event sent straight to this function does with the companies. In AWS the schedule goes to
 * SyncScheduleFunction instead, which queues one message per company for this function; the local stack, tests and
 * a direct invocation sync them here ({@link InProcessFanOut}).
 */
@FunctionalInterface
public interface CompanyFanOut {
    SyncSummary dispatch(List<SyncRequest> requests, Instant deadline);
}

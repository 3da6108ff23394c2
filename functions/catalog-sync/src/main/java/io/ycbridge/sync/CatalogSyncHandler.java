package io.ycbridge.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.QueueMessage;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * CatalogSyncFunction's entry point: SyncQueue's batches, one company per message, as SyncScheduleFunction queues
 * them — the body {@code {"companyId": …}}, with {@code "from"}/{@code "to"} (ISO-8601 instants) for a back-fill of
 * that window, which an operator can send to the queue by hand. Syncs each in turn and answers
 * {@code batchItemFailures} for those worth delivering again (transient failures, no time left); a refused credential
 * is reported, not retried, and a malformed body is acknowledged and logged. A batch that is no SQS batch fails the
 * invocation (TriggerHandler's default). No SDK calls or rules here.
 */
public final class CatalogSyncHandler extends TriggerHandler<List<QueueMessage>, BatchItemFailures> {
    private static final ObjectMapper JSON = ApiJson.mapper();
    // Left for writing the summary and the sync state after the last company.
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(15);

    private final Supplier<CatalogSyncService> service;
    private final Clock clock;
    private final DecisionLog log;

    public CatalogSyncHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the template check, which has no process environment to set. */
    public CatalogSyncHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change (time zone, phone regions, the secret). */
    public CatalogSyncHandler(LiveSettings settings) {
        this(settings.bind(CatalogSyncWiring::from));
    }

    private CatalogSyncHandler(Supplier<CatalogSyncWiring> wiring) {
        this(() -> wiring.get().service(), Clock.systemUTC(), wiring.get().log());
    }

    CatalogSyncHandler(CatalogSyncService service, Clock clock, DecisionLog log) {
        this(() -> service, clock, log);
    }

    private CatalogSyncHandler(Supplier<CatalogSyncService> service, Clock clock, DecisionLog log) {
        super(Trigger.SQS);
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public BatchItemFailures handle(List<QueueMessage> messages, Context context) {
        Instant deadline = deadline(context);
        List<String> failures = new ArrayList<>();
        for (QueueMessage message : messages) {
            String messageId = Objects.requireNonNullElse(message.messageId(), "");
            SyncRequest request;
            try {
                request = SyncRequest.fromJson(JSON.readTree(Objects.requireNonNullElse(message.body(), "")));
            } catch (IOException | IllegalArgumentException malformed) {
                // Delivering it again cannot help: acknowledge it, and say so.
                log.error("sync-message-malformed", Map.of("messageId", messageId, "reason", String.valueOf(malformed.getMessage())));
                continue;
            }
            CompanySync result = clock.instant().isBefore(deadline)
                    ? SyncRunner.run(service.get(), request, deadline)
                    : CompanySync.skipped(request.companyId());
            if (result.outcome().retryable() || result.outcome() == SyncOutcome.SKIPPED) {
                failures.add(messageId);
            }
        }
        return new BatchItemFailures(failures);
    }

    private Instant deadline(Context context) {
        boolean known = context != null && context.getRemainingTimeInMillis() > 0;
        return deadline(clock.instant(), known ? Duration.ofMillis(context.getRemainingTimeInMillis()) : Duration.ofMinutes(15));
    }

    /** When the last company must be done, for a run that may last {@code remaining}: the local stack's sync too. */
    public static Instant deadline(Instant now, Duration remaining) {
        return now.plus(remaining).minus(SAFETY_MARGIN);
    }
}

package io.ycbridge.sync;

import io.ycbridge.config.Config;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.trigger.JsonStreamHandler;
import io.ycbridge.trigger.ScheduleEvent;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalog sync's entry point, for three triggers told apart by their shape:
 * <ul>
 *   <li>a schedule event ({@code "detail-type": "Scheduled Event"}): syncs every configured company in this
 *       invocation and returns the summary. The local stack sends it; in AWS the schedule goes to
 *       SyncScheduleFunction, which queues the companies for this function instead;</li>
 *   <li>an on-demand request ({@code {"companyId": …}}, with {@code "from"}/{@code "to"} for a back-fill): syncs that
 *       company now and returns its result;</li>
 *   <li>SQS messages (SyncScheduleFunction's, same body as the on-demand request): syncs each and returns
 *       {@code batchItemFailures} for those worth delivering again (transient failures, no time left); a refused
 *       credential is reported, not retried.</li>
 * </ul>
 * The event is taken as a JSON tree because one function takes all three shapes; input that is no JSON object fails
 * the invocation, so the schedule or the queue delivers it again. No SDK calls or rules here.
 */
public final class CatalogSyncHandler extends JsonStreamHandler<JsonNode, JsonNode> {
    private static final ObjectMapper JSON = ApiJson.mapper();
    // Left for writing the summary and the sync state after the last company.
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(15);

    private final CatalogSyncService service;
    private final CompanyFanOut fanOut;
    private final List<Long> companyIds;
    private final Clock clock;
    private final DecisionLog log;

    public CatalogSyncHandler() {
        this(CatalogSyncWiring.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack and the template check, which have no process environment to set. */
    public CatalogSyncHandler(Config config) {
        this(CatalogSyncWiring.from(config));
    }

    private CatalogSyncHandler(CatalogSyncWiring wiring) {
        this(wiring.service(), wiring.fanOut(), wiring.companyIds(), Clock.systemUTC(), wiring.log());
    }

    CatalogSyncHandler(CatalogSyncService service, CompanyFanOut fanOut, List<Long> companyIds, Clock clock, DecisionLog log) {
        super(JsonNode.class);
        this.service = Objects.requireNonNull(service, "service");
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.companyIds = List.copyOf(companyIds);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        Instant deadline = deadline(context);
        if (event.path("Records").isArray()) {
            return consume(event.path("Records"), deadline);
        }
        if (event.has("companyId")) {
            return SummaryJson.of(SyncRunner.run(service, SyncRequest.fromJson(event), deadline));
        }
        if (ScheduleEvent.is(event)) {
            List<SyncRequest> requests = companyIds.stream().map(SyncRequest::company).toList();
            return SummaryJson.of(fanOut.dispatch(requests, deadline));
        }
        throw new IllegalArgumentException("unrecognised event: expected an EventBridge schedule, SQS messages, or "
                + "{\"companyId\": <id>} with optional \"from\" and \"to\" for a back-fill");
    }

    private JsonNode consume(JsonNode records, Instant deadline) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode message : records) {
            String messageId = message.path("messageId").asText();
            SyncRequest request;
            try {
                request = SyncRequest.fromJson(JSON.readTree(message.path("body").asText()));
            } catch (IOException | IllegalArgumentException malformed) {
                // Delivering it again cannot help: acknowledge it, and say so.
                log.error("sync-message-malformed", Map.of("messageId", messageId, "reason", String.valueOf(malformed.getMessage())));
                continue;
            }
            CompanySync result = clock.instant().isBefore(deadline)
                    ? SyncRunner.run(service, request, deadline)
                    : CompanySync.skipped(request.companyId());
            if (result.outcome().retryable() || result.outcome() == SyncOutcome.SKIPPED) {
                failures.addObject().put("itemIdentifier", messageId);
            }
        }
        return response;
    }

    private Instant deadline(Context context) {
        Instant now = clock.instant();
        if (context == null || context.getRemainingTimeInMillis() <= 0) {
            return now.plus(Duration.ofMinutes(15)).minus(SAFETY_MARGIN);
        }
        return now.plusMillis(context.getRemainingTimeInMillis()).minus(SAFETY_MARGIN);
    }
}

package io.ycbridge.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.ScheduleTick;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.sync.SyncRequest;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Each SyncSchedule tick becomes one SyncQueue message per company in {@code COMPANY_IDS}, which CatalogSyncFunction
 * consumes with bounded concurrency. A function of its own so that it carries only the SQS client, and the sync
 * worker none: each jar and each role holds just what its side needs.
 *
 * <p>Answers {@code {"queued": n, "failed": [...]}}. If SQS refused any company, the run fails after sending the rest,
 * so the schedule's retry policy sends again (a company queued twice is synced twice, which changes nothing) and,
 * past its retries, the dead-letter queue keeps the event. An event that is no schedule tick fails the invocation too:
 * to sync one company now, send its message to SyncQueue or run {@code ./ycbridge ops sync}.
 */
public final class SyncScheduleHandler extends TriggerHandler<ScheduleTick, JsonNode> {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final Supplier<Plan> plan;
    private final DecisionLog log;

    public SyncScheduleHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** From explicit values: for the template check and tests, which have no process environment to set. */
    public SyncScheduleHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change: the companies are one. */
    public SyncScheduleHandler(LiveSettings settings) {
        this(settings.bind(config -> new Plan(
                new SqsFanOut(AwsSettings.from(config).configure(SqsClient.builder(), UrlConnectionHttpClient.create()).build(),
                        config.require(EnvVar.SYNC_QUEUE_URL)),
                config.requireIds(EnvVar.COMPANY_IDS))), new DecisionLog("sync-schedule", LogSink.STDOUT, Clock.systemUTC()));
    }

    SyncScheduleHandler(SqsFanOut fanOut, List<Long> companyIds, DecisionLog log) {
        this(() -> new Plan(fanOut, companyIds), log);
    }

    private SyncScheduleHandler(Supplier<Plan> plan, DecisionLog log) {
        super(Trigger.SCHEDULE);
        this.plan = plan;
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Where the companies go, and which. */
    private record Plan(SqsFanOut fanOut, List<Long> companyIds) {
        Plan {
            Objects.requireNonNull(fanOut, "fanOut");
            companyIds = List.copyOf(companyIds);
        }
    }

    @Override
    public JsonNode handle(ScheduleTick tick, Context context) {
        Plan now = plan.get();
        SqsFanOut fanOut = now.fanOut();
        List<Long> companyIds = now.companyIds();
        FanOutResult result = fanOut.dispatch(companyIds.stream().map(SyncRequest::company).toList());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("queued", result.queued().size());
        var failed = answer.putArray("failed");
        result.failed().forEach((company, reason) -> failed.addObject().put("companyId", company).put("reason", reason));
        if (result.failed().isEmpty()) {
            log.info("sync-fan-out", Map.of("queued", result.queued().size()));
            return answer;
        }
        log.error("sync-fan-out", Map.of("queued", result.queued().size(), "failed", result.failed()));
        throw new IllegalStateException("SyncQueue refused " + result.failed().size() + " of " + companyIds.size()
                + " companies; the schedule will send them again: " + result.failed());
    }
}

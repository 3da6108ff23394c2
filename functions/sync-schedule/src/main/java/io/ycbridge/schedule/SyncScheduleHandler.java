package io.ycbridge.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.ScheduleTick;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.sync.SyncRequest;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Each SyncSchedule tick becomes one SyncQueue message per company in {@code COMPANY_IDS}, which CatalogSyncFunction
 * consumes with bounded concurrency; then the tick checks how many companies have gone two schedule intervals without
 * a successful sync ({@link StalenessService}, the {@code StaleCompanies} metric). A function of its own so that it
 * carries only the SQS client and a read of SyncStateTable, and the sync worker no SQS client: each jar and each role
 * holds just what its side needs.
 *
 * <p>Answers {@code {"queued": n, "failed": [...], "stale": n}} ({@code stale} absent when the check could not be
 * made). If SQS refused any company, the run fails after sending the rest and checking staleness, so the schedule's
 * retry policy sends again (a company queued twice is synced twice, which changes nothing) and, past its retries, the
 * dead-letter queue keeps the event. An event that is no schedule tick fails the invocation too: to sync one company
 * now, send its message to SyncQueue or run {@code ./ycbridge ops sync}.
 */
public final class SyncScheduleHandler extends TriggerHandler<ScheduleTick, JsonNode> {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final String COMPONENT = "sync-schedule";
    private final Supplier<Plan> plan;
    private final DecisionLog log;
    private final Clock clock;

    public SyncScheduleHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** From explicit values: for the template check and tests, which have no process environment to set. */
    public SyncScheduleHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change: the companies and the schedule are among them. */
    public SyncScheduleHandler(LiveSettings settings) {
        this(settings, new DecisionLog(COMPONENT, LogSink.STDOUT, Clock.systemUTC()), Clock.systemUTC());
    }

    private SyncScheduleHandler(LiveSettings settings, DecisionLog log, Clock clock) {
        this(settings.bind(config -> plan(config, AwsClients.from(config), log, clock)), log, clock);
    }

    SyncScheduleHandler(SqsFanOut fanOut, StalenessService staleness, List<Long> companyIds, DecisionLog log, Clock clock) {
        this(constant(new Plan(fanOut, staleness, companyIds)), log, clock);
    }

    private SyncScheduleHandler(Supplier<Plan> plan, DecisionLog log, Clock clock) {
        super(Trigger.SCHEDULE);
        this.plan = plan;
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Plan plan(Config config, AwsClients aws, DecisionLog log, Clock clock) {
        return new Plan(new SqsFanOut(aws.settings().configure(SqsClient.builder(), aws.http()).build(), config.require(EnvVar.SYNC_QUEUE_URL)),
                new StalenessService(new SyncStateStore(aws.dynamoDb(), config.require(EnvVar.SYNC_STATE_TABLE)),
                        new StalenessPolicy(config.require(EnvVar.SYNC_SCHEDULE, "rate(N minutes|hours|days), cron(...) or at(...)",
                                ScheduleInterval::of).interval()),
                        log, new EmfMetrics(COMPONENT, LogSink.STDOUT, clock)),
                config.requireIds(EnvVar.COMPANY_IDS));
    }

    private static Supplier<Plan> constant(Plan plan) {
        return () -> plan;
    }

    /** Where the companies go, which, and the check of how long since each was synced. */
    private record Plan(SqsFanOut fanOut, StalenessService staleness, List<Long> companyIds) {
        Plan {
            Objects.requireNonNull(fanOut, "fanOut");
            Objects.requireNonNull(staleness, "staleness");
            companyIds = List.copyOf(companyIds);
        }
    }

    @Override
    public JsonNode handle(ScheduleTick tick, Context context) {
        Plan current = plan.get();
        List<Long> companyIds = current.companyIds();
        Instant now = clock.instant();
        FanOutResult result;
        Optional<StalenessReport> stale;
        try {
            result = current.fanOut().dispatch(companyIds.stream().map(SyncRequest::company).toList());
        } finally {
            // Also when SQS could not be reached at all: the staleness alarm hears from every tick that ran.
            stale = current.staleness().check(companyIds, now);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("queued", result.queued().size());
        var failed = answer.putArray("failed");
        result.failed().forEach((company, reason) -> failed.addObject().put("companyId", company).put("reason", reason));
        stale.ifPresent(report -> answer.put("stale", report.stale().size()));
        if (result.failed().isEmpty()) {
            log.info("sync-fan-out", Map.of("queued", result.queued().size()));
            return answer;
        }
        log.error("sync-fan-out", Map.of("queued", result.queued().size(), "failed", result.failed()));
        throw new IllegalStateException("SyncQueue refused " + result.failed().size() + " of " + companyIds.size()
                + " companies; the schedule will send them again: " + result.failed());
    }
}

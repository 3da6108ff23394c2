package io.ycbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.table.TableDefinitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The check against DynamoDB Local at a deployment's size: 1,000 companies, read in BatchGetItem requests of 100. */
@ExtendWith(LocalDynamoDbExtension.class)
class StalenessServiceTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final Instant TICK = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final List<Long> COMPANIES = LongStream.rangeClosed(500_001, 501_000).boxed().toList();
    private final DynamoDbClient client;
    private final LogSink.Captured logs = new LogSink.Captured();
    private SyncStateStore states;
    private String table;

    StalenessServiceTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        table = "SyncStateTable-staleness-" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet();
        TableDefinitions.SYNC_STATE.create(client, table);
        states = new SyncStateStore(client, table);
    }

    private Optional<StalenessReport> check(SyncStateStore store, Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        return new StalenessService(store, new StalenessPolicy(HALF_HOUR), new DecisionLog("sync-schedule", logs, clock),
                new EmfMetrics("sync-schedule", logs, clock)).check(COMPANIES, at);
    }

    private List<JsonNode> lines(String field) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : logs.lines()) {
            JsonNode json = new ObjectMapper().readTree(line);
            if (json.has(field)) {
                found.add(json);
            }
        }
        return found;
    }

    private static Instant ticks(int n) {
        return TICK.plus(HALF_HOUR.multipliedBy(n));
    }

    @Test
    void aFreshDeploymentStampsEveryCompanyOnceAndAlarmsOnlyAfterItsFirstTwoCycles() throws Exception {
        StalenessReport first = check(states, TICK).orElseThrow();
        assertEquals(1000, first.checked());
        assertEquals(COMPANIES, first.firstSeen(), "each company's first two cycles start at its first tick");
        assertEquals(List.of(), first.stale());

        assertEquals(List.of(), check(states, ticks(1)).orElseThrow().firstSeen(), "stamped once");
        assertEquals(List.of(), check(states, ticks(2)).orElseThrow().stale());
        assertEquals(1000, check(states, ticks(3)).orElseThrow().stale().size(), "no company has synced in two cycles");
    }

    @Test
    void onlyTheCompaniesWithoutARecentSuccessAreStaleAndTheMetricCountsThem() throws Exception {
        List<Long> lagging = List.of(500_007L, 500_500L, 501_000L);
        for (long company : COMPANIES) {
            // The 10:30 run succeeded for all but three, whose last success was the 09:00 run; one of them is refused since.
            states.recordRun(company, lagging.contains(company) ? TICK.plusSeconds(5) : ticks(3).plusSeconds(5), "ok", null);
        }
        states.recordRun(500_500, ticks(3).plusSeconds(5), "refused", "set partnerToken in the secret");

        StalenessReport report = check(states, ticks(4)).orElseThrow();

        assertEquals(List.of(500_007L, 500_500L, 501_000L), report.stale());
        JsonNode metric = lines("StaleCompanies").get(lines("StaleCompanies").size() - 1);
        assertEquals(3, metric.path("StaleCompanies").asInt());
        assertEquals("[[\"Function\"]]", metric.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString());
        assertEquals("sync-schedule", metric.path("Function").asText());
        JsonNode warning = lines("staleCompanies").get(0);
        assertEquals("WARN", warning.path("level").asText());
        assertEquals(500_500, warning.path("staleCompanies").get(1).path("companyId").asLong());
        assertEquals("refused", warning.path("staleCompanies").get(1).path("lastOutcome").asText());
        assertEquals(TICK.plusSeconds(5).toString(), warning.path("staleCompanies").get(0).path("lastSuccessAt").asText());
        assertEquals(63, warning.path("staleAfterMinutes").asInt());
    }

    @Test
    void aTickWhereNothingIsStaleStillEmitsZero() throws Exception {
        check(states, TICK);

        assertEquals(0, lines("StaleCompanies").get(0).path("StaleCompanies").asInt(-1));
        assertEquals("INFO", lines("checked").get(0).path("level").asText());
    }

    @Test
    void aTableThatCannotBeReadEmitsNothingSoTheAlarmsMissingDataSpeaks() throws Exception {
        Optional<StalenessReport> report = check(new SyncStateStore(client, "no-such-table"), TICK);

        assertTrue(report.isEmpty());
        assertEquals(List.of(), lines("StaleCompanies"));
        JsonNode error = lines("error").get(0);
        assertEquals("staleness-unchecked", error.path("event").asText());
        assertEquals("ResourceNotFoundException", error.path("error").asText());
    }
}

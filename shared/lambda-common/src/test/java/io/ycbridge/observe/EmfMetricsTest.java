package io.ycbridge.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EMF lines as CloudWatch reads them: which series each line counts in. */
class EmfMetricsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    private final LogSink.Captured sink = new LogSink.Captured();
    private final EmfMetrics metrics = new EmfMetrics("catalog-sync", sink, CLOCK);

    private JsonNode line() throws Exception {
        assertEquals(1, sink.lines().size());
        return new ObjectMapper().readTree(sink.lines().get(0));
    }

    @Test
    void aCompanysCountIsAlsoCountedUnderTheFunctionAloneSoOneAlarmSeesEveryCompany() throws Exception {
        metrics.count("SyncRefused", Map.of("Company", "235564"));

        JsonNode line = line();
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("ycbridge", directive.path("Namespace").asText());
        assertEquals("[[\"Function\"],[\"Function\",\"Company\"]]", directive.path("Dimensions").toString());
        assertEquals("SyncRefused", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals("Count", directive.path("Metrics").get(0).path("Unit").asText());
        assertEquals("catalog-sync", line.path("Function").asText());
        assertEquals("235564", line.path("Company").asText());
        assertEquals(1, line.path("SyncRefused").asInt());
        assertEquals(CLOCK.millis(), line.path("_aws").path("Timestamp").asLong());
    }

    @Test
    void withoutDimensionsTheFunctionIsTheOnlySeries() throws Exception {
        metrics.count("AccrualFailed", Map.of());

        assertEquals("[[\"Function\"]]", line().path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString());
    }

    @Test
    void aMeasuredCountCarriesItsValueZeroIncluded() throws Exception {
        // Zero is a data point: the staleness alarm treats a missing one as the schedule not running.
        metrics.count("StaleCompanies", 0, Map.of());

        JsonNode line = line();
        assertEquals(0, line.path("StaleCompanies").asInt(-1));
        assertEquals("Count", line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Unit").asText());
    }

    @Test
    void theFunctionDimensionIsNotTheCallersToSet() {
        assertThrows(IllegalArgumentException.class, () -> metrics.count("SyncRefused", Map.of("Function", "other")));
    }
}

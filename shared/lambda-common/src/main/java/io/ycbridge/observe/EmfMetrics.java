package io.ycbridge.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.util.Map;

/**
 * CloudWatch metrics as Embedded Metric Format lines: CloudWatch turns each into a metric with no API call, so
 * counting costs nothing on the hot path. Namespace {@code ycbridge}, one dimension set per line.
 */
public final class EmfMetrics {
    public static final String NAMESPACE = "ycbridge";
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final String function;
    private final LogSink sink;
    private final Clock clock;

    public EmfMetrics(String function, LogSink sink, Clock clock) {
        this.function = function;
        this.sink = sink;
        this.clock = clock;
    }

    /** Counts {@code metric} once, with the function and the given dimensions (e.g. company). */
    public void count(String metric, Map<String, String> dimensions) {
        put(metric, 1, "Count", dimensions);
    }

    public void milliseconds(String metric, double value, Map<String, String> dimensions) {
        put(metric, value, "Milliseconds", dimensions);
    }

    private void put(String metric, double value, String unit, Map<String, String> dimensions) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode names = directive.putArray("Dimensions").addArray();
        names.add("Function");
        line.put("Function", function);
        dimensions.forEach((name, dimension) -> {
            names.add(name);
            line.put(name, dimension);
        });
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", unit);
        line.put(metric, value);
        try {
            sink.write(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an EMF line did not encode", e);
        }
    }
}

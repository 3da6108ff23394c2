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
 * counting costs nothing on the hot path. Namespace {@code ycbridge}.
 *
 * <p>Every line is counted under the function alone, and, when the caller gives dimensions (a company), under the
 * function and those as well: two dimension sets in one directive, each of which CloudWatch keeps as its own metric
 * (CloudWatch_Embedded_Metric_Format_Specification.html, "Dimensions"). A CloudWatch alarm watches one series and
 * cannot add up a dimension's values, so without the function-only series an alarm could see only the companies it
 * names; with it, one alarm on {@code Function=catalog-sync} sees a refusal of any company, including one added later.
 */
public final class EmfMetrics {
    public static final String NAMESPACE = "ycbridge";
    /** The dimension every metric carries: the component (function) that counted it. */
    public static final String FUNCTION = "Function";
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

    /** Records {@code value} of a count that is measured rather than incremented (e.g. how many companies are stale now). */
    public void count(String metric, long value, Map<String, String> dimensions) {
        put(metric, value, "Count", dimensions);
    }

    public void milliseconds(String metric, double value, Map<String, String> dimensions) {
        put(metric, value, "Milliseconds", dimensions);
    }

    private void put(String metric, double value, String unit, Map<String, String> dimensions) {
        if (dimensions.containsKey(FUNCTION)) {
            throw new IllegalArgumentException("the Function dimension is set by EmfMetrics itself");
        }
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode sets = directive.putArray("Dimensions");
        sets.addArray().add(FUNCTION);
        line.put(FUNCTION, function);
        if (!dimensions.isEmpty()) {
            ArrayNode detailed = sets.addArray().add(FUNCTION);
            dimensions.forEach((name, dimension) -> {
                detailed.add(name);
                line.put(name, dimension);
            });
        }
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", unit);
        line.put(metric, value);
        try {
            sink.write(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an EMF line did not encode", e);
        }
    }
}

package io.ycbridge.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.util.Map;

/**
 * One JSON line per decision: what happened and to which company and record, never a token, phone or body. Callers
 * pass only the fields they mean to log; there is no "log this object" entry point that could leak one.
 */
public final class DecisionLog {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final String component;
    private final LogSink sink;
    private final Clock clock;

    public DecisionLog(String component, LogSink sink, Clock clock) {
        this.component = component;
        this.sink = sink;
        this.clock = clock;
    }

    public void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields);
    }

    public void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    private void write(String level, String event, Map<String, ?> fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("component", component);
        line.put("event", event);
        fields.forEach((name, value) -> line.set(name, JSON.valueToTree(value)));
        try {
            sink.write(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            sink.write("{\"level\":\"ERROR\",\"event\":\"log-encoding-failed\",\"component\":\"" + component + "\"}");
        }
    }
}

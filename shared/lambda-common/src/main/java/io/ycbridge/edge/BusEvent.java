package io.ycbridge.edge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event a rule on an EventBridge bus delivered: ours (source {@code ycbridge}, detail-type the event's type) or a
 * schedule's tick (source {@code aws.events}, detail-type {@code Scheduled Event}).
 *
 * @param detail the event's detail as an object; empty for a tick
 */
public record BusEvent(String id, String source, String detailType, String time, JsonNode detail) {
    static final String SCHEDULED = "Scheduled Event";

    public boolean tick() {
        return SCHEDULED.equals(detailType) || "aws.events".equals(source);
    }
}

package io.ycbridge.trigger;

import com.fasterxml.jackson.databind.JsonNode;

/** The shape of an EventBridge (Scheduler or rule) schedule tick, as the functions it triggers tell it apart. */
public final class ScheduleEvent {
    private ScheduleEvent() {
    }

    public static boolean is(JsonNode event) {
        return event != null && ("Scheduled Event".equals(event.path("detail-type").asText()) || "aws.events".equals(event.path("source").asText()));
    }
}

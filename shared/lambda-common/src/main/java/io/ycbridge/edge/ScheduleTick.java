package io.ycbridge.edge;

/**
 * An EventBridge schedule's tick ({@code "detail-type": "Scheduled Event"}), from a rule or from EventBridge Scheduler's
 * default notification. What it carries is only for the log: the tick itself is the message.
 *
 * @param id   the event's id, or null
 * @param time when the schedule fired, as sent (ISO-8601), or null
 */
public record ScheduleTick(String id, String time) {
}

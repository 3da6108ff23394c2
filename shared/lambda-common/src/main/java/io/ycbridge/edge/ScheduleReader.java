package io.ycbridge.edge;

/**
 * A schedule tick: an event whose {@code detail-type} is {@code Scheduled Event} or whose {@code source} is
 * {@code aws.events}; its {@code detail} is not read (EventBridge Scheduler sends it as the text {@code "{}"}).
 */
final class ScheduleReader {
    private static final String DETAIL_TYPE = "Scheduled Event";

    private ScheduleReader() {
    }

    static ScheduleTick read(EventObject json) throws UndecodableEventException {
        if (!DETAIL_TYPE.equals(json.text("detail-type")) && !"aws.events".equals(json.text("source"))) {
            throw json.misfit("detail-type");
        }
        return new ScheduleTick(json.text("id"), json.text("time"));
    }
}

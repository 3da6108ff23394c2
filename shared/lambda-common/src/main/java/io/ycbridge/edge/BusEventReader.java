package io.ycbridge.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An EventBridge event as a rule's target receives it: {@code source} and {@code detail-type} are required, and a
 * {@code detail} that is not an object is a misfit, except a tick's (EventBridge Scheduler sends the text {@code "{}"}).
 */
final class BusEventReader {
    private BusEventReader() {
    }

    static BusEvent read(EventObject json) throws UndecodableEventException {
        String source = json.text("source");
        String detailType = json.text("detail-type");
        if (source == null) {
            throw json.misfit("source");
        }
        if (detailType == null) {
            throw json.misfit("detail-type");
        }
        BusEvent event = new BusEvent(json.text("id"), source, detailType, json.text("time"), JsonNodeFactory.instance.objectNode());
        if (event.tick()) {
            return event;
        }
        JsonNode detail = json.map("detail");
        if (detail == null) {
            throw json.misfit("detail");
        }
        return new BusEvent(event.id(), source, detailType, event.time(), detail);
    }
}

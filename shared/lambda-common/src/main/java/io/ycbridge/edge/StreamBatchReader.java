package io.ycbridge.edge;

import java.util.ArrayList;
import java.util.List;

/**
 * A DynamoDB stream batch as Lambda sends it: {@code Records}, each with {@code eventName} and in {@code dynamodb}
 * {@code SequenceNumber, Keys, OldImage, NewImage}, the names matched exactly as the runtime matches them.
 */
final class StreamBatchReader {
    private StreamBatchReader() {
    }

    static List<StreamChange> read(EventObject json) throws UndecodableEventException {
        List<EventObject> records = json.requiredObjects("Records");
        List<StreamChange> changes = new ArrayList<>(records.size());
        for (EventObject record : records) {
            changes.add(change(record));
        }
        return changes;
    }

    private static StreamChange change(EventObject json) throws UndecodableEventException {
        String eventName = json.text("eventName");
        EventObject stream = json.object("dynamodb");
        if (stream == null) {
            return new StreamChange(eventName, null, null, null, null);
        }
        return new StreamChange(eventName, stream.text("SequenceNumber"), AttributeValueReader.image(stream, "Keys"),
                AttributeValueReader.image(stream, "OldImage"), AttributeValueReader.image(stream, "NewImage"));
    }
}

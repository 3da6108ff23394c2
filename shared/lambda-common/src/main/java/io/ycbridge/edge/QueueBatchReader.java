package io.ycbridge.edge;

import java.util.ArrayList;
import java.util.List;

/** An SQS batch as Lambda sends it: {@code Records}, each with {@code messageId} and {@code body}. */
final class QueueBatchReader {
    private QueueBatchReader() {
    }

    static List<QueueMessage> read(EventObject json) throws UndecodableEventException {
        List<EventObject> records = json.requiredObjects("Records");
        List<QueueMessage> messages = new ArrayList<>(records.size());
        for (EventObject record : records) {
            messages.add(new QueueMessage(record.text("messageId"), record.text("body")));
        }
        return messages;
    }
}

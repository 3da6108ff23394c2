package io.ycbridge.edge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A batch function's answer with {@code ReportBatchItemFailures}, the same for an SQS queue and a DynamoDB stream:
 * {@code {"batchItemFailures":[{"itemIdentifier":…}]}}, naming the items Lambda should deliver again — an SQS
 * message's id, a stream item's sequence number. Empty: the whole batch is done.
 */
public record BatchItemFailures(List<String> itemIdentifiers) {
    public BatchItemFailures {
        // Not List.copyOf: an item without an identifier is still reported (Lambda then retries the whole batch).
        itemIdentifiers = Collections.unmodifiableList(new ArrayList<>(itemIdentifiers));
    }
}

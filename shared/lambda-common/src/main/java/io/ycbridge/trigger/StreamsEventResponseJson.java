package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream function's answer with {@code ReportBatchItemFailures}: {@code {"batchItemFailures":[{"itemIdentifier":…}]}},
 * the identifier being the failed item's sequence number. Read back only by the local stack and tests.
 */
final class StreamsEventResponseJson {
    private StreamsEventResponseJson() {
    }

    static void write(StreamsEventResponse response, FieldWriter out) throws IOException {
        out.generator().writeStartObject();
        if (response.getBatchItemFailures() != null) {
            out.generator().writeArrayFieldStart("batchItemFailures");
            for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                if (failure == null) {
                    out.generator().writeNull();
                    continue;
                }
                out.generator().writeStartObject();
                out.text("itemIdentifier", failure.getItemIdentifier());
                out.generator().writeEndObject();
            }
            out.generator().writeEndArray();
        }
        out.generator().writeEndObject();
    }

    static StreamsEventResponse read(EventObject json) throws UndecodableEventException {
        List<EventObject> items = json.objects("batchItemFailures");
        if (items == null) {
            return new StreamsEventResponse();
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>(items.size());
        for (EventObject item : items) {
            failures.add(item == null ? null : new StreamsEventResponse.BatchItemFailure(item.text("itemIdentifier")));
        }
        return new StreamsEventResponse(failures);
    }
}

package io.ycbridge.edge;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A function's answer as Lambda reads it: an {@link HttpResponse} in payload 2.0's names ({@code statusCode, headers,
 * body, isBase64Encoded}; no {@code body} when there is none, as a 304 has), {@link BatchItemFailures} in the shape
 * {@code ReportBatchItemFailures} reads, or a JSON tree as it is. Written field by field with the one mapper's
 * generator, for the same cold-start reason events are read as trees.
 */
final class ResponseJson {
    private static final ObjectMapper JSON = ApiJson.mapper();

    private ResponseJson() {
    }

    /** {@code answer} as Lambda's JSON, then {@code output} closed. */
    static void write(OutputStream output, Object answer) throws IOException {
        try (JsonGenerator out = JSON.createGenerator(output)) {
            switch (answer) {
                case HttpResponse response -> write(response, out);
                case BatchItemFailures failures -> write(failures, out);
                case JsonNode tree -> JSON.writeTree(out, tree);
                case null, default -> throw new IllegalArgumentException("no Lambda answer: "
                        + (answer == null ? "null" : answer.getClass().getName()));
            }
        }
    }

    private static void write(HttpResponse response, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("statusCode", response.status());
        out.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            out.writeStringField(header.getKey(), header.getValue());
        }
        out.writeEndObject();
        if (response.body() != null) {
            out.writeStringField("body", response.body());
        }
        out.writeBooleanField("isBase64Encoded", false);
        out.writeEndObject();
    }

    private static void write(BatchItemFailures failures, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("batchItemFailures");
        for (String identifier : failures.itemIdentifiers()) {
            out.writeStartObject();
            if (identifier != null) {
                out.writeStringField("itemIdentifier", identifier);
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}

package io.ycbridge.trigger;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the fields of one JSON object as Lambda's JSON has them: an absent value (null) is left out, not written as
 * {@code null}, so a 304 carries no {@code body} and a response sets {@code cookies} only when it has some.
 */
final class FieldWriter {
    private final JsonGenerator out;

    FieldWriter(JsonGenerator out) {
        this.out = out;
    }

    JsonGenerator generator() {
        return out;
    }

    void text(String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    void flag(String name, boolean value) throws IOException {
        out.writeBooleanField(name, value);
    }

    void flag(String name, Boolean value) throws IOException {
        if (value != null) {
            out.writeBooleanField(name, value);
        }
    }

    void number(String name, long value) throws IOException {
        out.writeNumberField(name, value);
    }

    void number(String name, Long value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value);
        }
    }

    void texts(String name, List<String> values) throws IOException {
        if (values != null) {
            out.writeFieldName(name);
            texts(values);
        }
    }

    void textsByName(String name, Map<String, String> values) throws IOException {
        if (values != null) {
            out.writeObjectFieldStart(name);
            for (Map.Entry<String, String> entry : values.entrySet()) {
                out.writeStringField(entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
        }
    }

    void textListsByName(String name, Map<String, List<String>> values) throws IOException {
        if (values != null) {
            out.writeObjectFieldStart(name);
            for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                out.writeFieldName(entry.getKey());
                texts(entry.getValue());
            }
            out.writeEndObject();
        }
    }

    /** Starts the object {@code name}; the caller writes its fields and {@link #end()}s it. */
    void start(String name) throws IOException {
        out.writeObjectFieldStart(name);
    }

    void end() throws IOException {
        out.writeEndObject();
    }

    private void texts(List<String> values) throws IOException {
        if (values == null) {
            out.writeNull();
            return;
        }
        out.writeStartArray();
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }
}

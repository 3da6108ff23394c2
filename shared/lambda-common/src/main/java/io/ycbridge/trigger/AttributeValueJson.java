package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB attribute value in a stream image, in DynamoDB's own names: {@code S, N, B, SS, NS, BS, M, L, NULL,
 * BOOL}, binary as base64, maps and lists nested to any depth the parser allows. Whatever names are present are set,
 * as the runtime's decoding does; the image's reader ({@code StreamImages}) decides what a value means.
 */
final class AttributeValueJson {
    private AttributeValueJson() {
    }

    /** An image ({@code Keys}, {@code NewImage}, {@code OldImage}) or an {@code M}: attribute names to values. */
    static Map<String, AttributeValue> readAll(EventObject json, String field) throws UndecodableEventException {
        EventObject image = json.object(field);
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Iterator<String> names = image.names(); names.hasNext(); ) {
            String name = names.next();
            EventObject value = image.valueOf(name);
            values.put(name, value == null ? null : read(value));
        }
        return values;
    }

    /** Walks the names present rather than asking for all ten: a value has one, and an image has many values. */
    static AttributeValue read(EventObject json) throws UndecodableEventException {
        AttributeValue value = new AttributeValue();
        for (Iterator<String> names = json.names(); names.hasNext(); ) {
            switch (names.next()) {
                case "S" -> value.setS(json.text("S"));
                case "N" -> value.setN(json.text("N"));
                case "B" -> {
                    String binary = json.text("B");
                    value.setB(binary == null ? null : decode(binary, json, "B", -1));
                }
                case "SS" -> value.setSS(json.texts("SS"));
                case "NS" -> value.setNS(json.texts("NS"));
                case "BS" -> value.setBS(binaries(json));
                case "M" -> value.setM(readAll(json, "M"));
                case "L" -> value.setL(list(json));
                case "NULL" -> value.setNULL(json.flagOrNull("NULL"));
                case "BOOL" -> value.setBOOL(json.flagOrNull("BOOL"));
                default -> {
                    // Not DynamoDB's: ignored, as any unknown name.
                }
            }
        }
        return value;
    }

    private static List<ByteBuffer> binaries(EventObject json) throws UndecodableEventException {
        List<String> texts = json.texts("BS");
        if (texts == null) {
            return null;
        }
        List<ByteBuffer> buffers = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            buffers.add(text == null ? null : decode(text, json, "BS", i));
        }
        return buffers;
    }

    private static List<AttributeValue> list(EventObject json) throws UndecodableEventException {
        List<EventObject> elements = json.objects("L");
        if (elements == null) {
            return null;
        }
        List<AttributeValue> values = new ArrayList<>(elements.size());
        for (EventObject element : elements) {
            values.add(element == null ? null : read(element));
        }
        return values;
    }

    /** Base64 as Jackson reads binary, so as the runtime reads it. */
    private static ByteBuffer decode(String text, EventObject json, String field, int at) throws UndecodableEventException {
        try {
            return ByteBuffer.wrap(Base64Variants.getDefaultVariant().decode(text));
        } catch (IllegalArgumentException notBase64) {
            throw at < 0 ? json.misfit(field) : json.misfit(field, at);
        }
    }

    static void writeAll(String field, Map<String, AttributeValue> values, FieldWriter out) throws IOException {
        if (values == null) {
            return;
        }
        out.start(field);
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            out.generator().writeFieldName(entry.getKey());
            write(entry.getValue(), out);
        }
        out.end();
    }

    static void write(AttributeValue value, FieldWriter out) throws IOException {
        JsonGenerator generator = out.generator();
        if (value == null) {
            generator.writeNull();
            return;
        }
        generator.writeStartObject();
        out.text("S", value.getS());
        out.text("N", value.getN());
        if (value.getB() != null) {
            generator.writeFieldName("B");
            writeBinary(value.getB(), generator);
        }
        out.texts("SS", value.getSS());
        out.texts("NS", value.getNS());
        if (value.getBS() != null) {
            generator.writeArrayFieldStart("BS");
            for (ByteBuffer buffer : value.getBS()) {
                writeBinary(buffer, generator);
            }
            generator.writeEndArray();
        }
        writeAll("M", value.getM(), out);
        if (value.getL() != null) {
            generator.writeArrayFieldStart("L");
            for (AttributeValue element : value.getL()) {
                write(element, out);
            }
            generator.writeEndArray();
        }
        out.flag("NULL", value.getNULL());
        out.flag("BOOL", value.getBOOL());
        generator.writeEndObject();
    }

    /** The buffer's remaining bytes, leaving its position where it was. */
    private static void writeBinary(ByteBuffer buffer, JsonGenerator generator) throws IOException {
        if (buffer == null) {
            generator.writeNull();
            return;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        generator.writeBinary(bytes);
    }
}

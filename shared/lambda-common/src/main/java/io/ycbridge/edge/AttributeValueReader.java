package io.ycbridge.edge;

import com.fasterxml.jackson.core.Base64Variants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream image's DynamoDB JSON ({@code {"N": "5"}}, {@code {"M": {…}}}) straight into the SDK's
 * {@link AttributeValue}: {@code S, N, B, BOOL, NULL, M, L, SS, NS, BS}, binary as base64, maps and lists nested to any
 * depth the parser allows. Every type name present is checked, as the runtime's decoding checks it; a value holding
 * more than one takes the first of {@code S, N, BOOL, NULL, B, M, L, SS, NS, BS}, one with none is a value of no type,
 * and a {@code null} stays null — the image's reader decides what such a value means.
 */
final class AttributeValueReader {
    private AttributeValueReader() {
    }

    /** An image ({@code Keys}, {@code NewImage}, {@code OldImage}) or an {@code M}: attribute names to values; null when absent. */
    static Map<String, AttributeValue> image(EventObject json, String field) throws UndecodableEventException {
        EventObject image = json.object(field);
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> values = new HashMap<>();
        for (Iterator<String> names = image.names(); names.hasNext(); ) {
            String name = names.next();
            EventObject value = image.valueOf(name);
            values.put(name, value == null ? null : value(value));
        }
        return values;
    }

    /** Walks the names present rather than asking for all ten: a value has one, and an image has many values. */
    private static AttributeValue value(EventObject json) throws UndecodableEventException {
        String s = null;
        String n = null;
        Boolean bool = null;
        Boolean nul = null;
        SdkBytes b = null;
        Map<String, AttributeValue> m = null;
        List<AttributeValue> l = null;
        List<String> ss = null;
        List<String> ns = null;
        List<SdkBytes> bs = null;
        for (Iterator<String> names = json.names(); names.hasNext(); ) {
            switch (names.next()) {
                case "S" -> s = json.text("S");
                case "N" -> n = json.text("N");
                case "BOOL" -> bool = json.flagOrNull("BOOL");
                case "NULL" -> nul = json.flagOrNull("NULL");
                case "B" -> b = binary(json.text("B"), json, "B", -1);
                case "M" -> m = image(json, "M");
                case "L" -> l = list(json);
                case "SS" -> ss = json.texts("SS");
                case "NS" -> ns = json.texts("NS");
                case "BS" -> bs = binaries(json);
                default -> {
                    // Not DynamoDB's: ignored, as any unknown name.
                }
            }
        }
        AttributeValue.Builder value = AttributeValue.builder();
        if (s != null) {
            return value.s(s).build();
        }
        if (n != null) {
            return value.n(n).build();
        }
        if (bool != null) {
            return value.bool(bool).build();
        }
        if (nul != null) {
            return value.nul(nul).build();
        }
        if (b != null) {
            return value.b(b).build();
        }
        if (m != null) {
            return value.m(m).build();
        }
        if (l != null) {
            return value.l(l).build();
        }
        if (ss != null) {
            return value.ss(ss).build();
        }
        if (ns != null) {
            return value.ns(ns).build();
        }
        if (bs != null) {
            return value.bs(bs).build();
        }
        return value.build();
    }

    private static List<AttributeValue> list(EventObject json) throws UndecodableEventException {
        List<EventObject> elements = json.objectsOrNulls("L");
        if (elements == null) {
            return null;
        }
        List<AttributeValue> values = new ArrayList<>(elements.size());
        for (EventObject element : elements) {
            values.add(element == null ? null : value(element));
        }
        return values;
    }

    private static List<SdkBytes> binaries(EventObject json) throws UndecodableEventException {
        List<String> texts = json.texts("BS");
        if (texts == null) {
            return null;
        }
        List<SdkBytes> values = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            values.add(binary(texts.get(i), json, "BS", i));
        }
        return values;
    }

    /** Base64 as Jackson reads binary, so as the runtime reads it; null stays null. */
    private static SdkBytes binary(String text, EventObject json, String field, int at) throws UndecodableEventException {
        if (text == null) {
            return null;
        }
        try {
            return SdkBytes.fromByteArrayUnsafe(Base64Variants.getDefaultVariant().decode(text));
        } catch (IllegalArgumentException notBase64) {
            throw at < 0 ? json.misfit(field) : json.misfit(field, at);
        }
    }
}

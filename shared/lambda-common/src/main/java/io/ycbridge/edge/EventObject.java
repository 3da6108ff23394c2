package io.ycbridge.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object of an event and where it lies in the event, read field by field. A field of the wrong kind is an
 * {@link UndecodableEventException} naming its place by property names and indexes only
 * ({@code Records[0].dynamodb.NewImage.*.S}): a map's keys are the sender's (header and claim names, attribute names)
 * and show as {@code *}. The place is worked out only when something is wrong.
 *
 * <p>Absent and {@code null} read the same, as the Lambda runtime's own decoding reads them. A number or boolean where
 * text belongs is read as its text, also as the runtime does ({@code "N": 5} is {@code "5"}).
 */
final class EventObject {
    /** An object; or, only to name the place of its elements, the array being read. */
    private final JsonNode node;
    private final EventObject parent;
    /** The field this object is the value of, or {@code *} for a map's value; null for an array's element. */
    private final String name;
    private final int index;
    /** At the root only: what the event should be, for the message ("the event does not fit an SQS batch at …"). */
    private final String shape;

    private EventObject(JsonNode node, EventObject parent, String name, int index, String shape) {
        this.node = node;
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.shape = shape;
    }

    /** {@code node} must be an object, read as (part of) {@code shape}. */
    static EventObject root(JsonNode node, String shape) {
        return new EventObject(node, null, null, -1, shape);
    }

    /** The names of the fields present, in the input's order. */
    Iterator<String> names() {
        return node.fieldNames();
    }

    String text(String field) throws UndecodableEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw misfit(field);
        }
        return value.asText();
    }

    /** A JSON boolean; absent is false. */
    boolean flag(String field) throws UndecodableEventException {
        Boolean value = flagOrNull(field);
        return value != null && value;
    }

    /** A JSON boolean, or null when absent. */
    Boolean flagOrNull(String field) throws UndecodableEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw misfit(field);
        }
        return value.booleanValue();
    }

    EventObject object(String field) throws UndecodableEventException {
        JsonNode value = map(field);
        return value == null ? null : new EventObject(value, this, field, -1, null);
    }

    /** An array of objects that the event must have ({@code Records}); a {@code null} element is no record either. */
    List<EventObject> requiredObjects(String field) throws UndecodableEventException {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            throw misfit(field);
        }
        return objects(array, field, false);
    }

    /** An array of objects ({@code L}) whose {@code null} elements stay null, as in the runtime's decoding; null when absent. */
    List<EventObject> objectsOrNulls(String field) throws UndecodableEventException {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw misfit(field);
        }
        return objects(array, field, true);
    }

    private List<EventObject> objects(JsonNode array, String field, boolean nulls) throws UndecodableEventException {
        EventObject list = new EventObject(array, this, field, -1, null);
        List<EventObject> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element.isObject()) {
                objects.add(new EventObject(element, list, null, i, null));
            } else if (nulls && element.isNull()) {
                objects.add(null);
            } else {
                throw list.misfitAt(i);
            }
        }
        return objects;
    }

    /**
     * The value of {@code name} in this object, taken as a map whose keys are the sender's (an image's attribute
     * names): an object, or null when null; a misfit shows the key as {@code *}.
     */
    EventObject valueOf(String name) throws UndecodableEventException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw misfit("*");
        }
        return new EventObject(value, this, "*", -1, null);
    }

    /** An array of text; a {@code null} element stays null. */
    List<String> texts(String field) throws UndecodableEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw misfit(field);
        }
        EventObject array = new EventObject(value, this, field, -1, null);
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isContainerNode()) {
                throw array.misfitAt(i);
            }
            texts.add(element.isNull() ? null : element.asText());
        }
        return texts;
    }

    /** An object whose fields are the sender's names and whose values are text ({@code headers}); null when absent. */
    Map<String, String> textsByName(String field) throws UndecodableEventException {
        JsonNode map = map(field);
        if (map == null) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            JsonNode value = entry.getValue();
            if (value.isContainerNode()) {
                throw new EventObject(map, this, field, -1, null).misfit("*");
            }
            texts.put(entry.getKey(), value.isNull() ? null : value.asText());
        }
        return texts;
    }

    /** The field's value must be a JSON object; absent or null is null. */
    JsonNode map(String field) throws UndecodableEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw misfit(field);
        }
        return value;
    }

    /** {@code field} of this object is not what it should be. */
    UndecodableEventException misfit(String field) {
        StringBuilder path = path();
        path.append(path.isEmpty() ? "" : ".").append(field);
        return misfit(path);
    }

    /** Element {@code at} of the array in {@code field} is not what it should be. */
    UndecodableEventException misfit(String field, int at) {
        StringBuilder path = path();
        path.append(path.isEmpty() ? "" : ".").append(field).append('[').append(at).append(']');
        return misfit(path);
    }

    /** Element {@code at} of this array is not what it should be. */
    private UndecodableEventException misfitAt(int at) {
        return misfit(path().append('[').append(at).append(']'));
    }

    private UndecodableEventException misfit(StringBuilder path) {
        EventObject root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        return new UndecodableEventException("the event does not fit " + root.shape + " at " + path);
    }

    private StringBuilder path() {
        if (parent == null) {
            return new StringBuilder();
        }
        StringBuilder path = parent.path();
        if (name == null) {
            path.append('[').append(index).append(']');
        } else {
            path.append(path.isEmpty() ? "" : ".").append(name);
        }
        return path;
    }
}

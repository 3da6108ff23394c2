package io.ycbridge.yclients.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of example JSON documents (field names at each level and the JSON kind of each value, never the values),
 * and where another document departs from it. Examples are merged: the items of an array are one shape, a field in
 * every object at its place is required, one in some is optional, and a place may hold several kinds (the API's
 * {@code "position": []} beside {@code "position": {...}}). A {@code null} in the examples says nothing about the
 * kind, so any kind may stand there; a {@code null} elsewhere must be in the examples too. Likewise an object that is
 * empty wherever the examples show it ({@code "custom_fields": {}}) says nothing of its fields: any may stand in it.
 *
 * <p>Paths name places the way the differences are reported and allowed: {@code data[].services[].cost}.
 */
public final class JsonShape {
    /** A JSON value's kind: what a client's decoder sees, string vs number being the one that matters most. */
    public enum Kind { STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL }

    /** One place where a document departs from the shape. */
    public record Difference(String path, String problem) {
        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }

    private final Place root = new Place();

    private JsonShape() {
    }

    public static JsonShape of(JsonNode... examples) {
        JsonShape shape = new JsonShape();
        for (JsonNode example : examples) {
            shape.root.learn(example);
        }
        return shape;
    }

    /** Every departure: a required field missing, a field the examples never have, a value of another kind. */
    public List<Difference> compare(JsonNode actual) {
        List<Difference> found = new ArrayList<>();
        root.check(actual, "", true, found);
        return found.stream().distinct().toList();
    }

    /**
     * As {@link #compare} but missing fields are fine: for a request, whose example shows every optional field, a
     * sender must use only the fields it shows, in their kinds.
     */
    public List<Difference> compareAsSubset(JsonNode actual) {
        List<Difference> found = new ArrayList<>();
        root.check(actual, "", false, found);
        return found.stream().distinct().toList();
    }

    /**
     * The departures not explained by an allowance (a path and why it may differ), followed by the allowances that
     * explained nothing, so the list of reasons cannot outlive what it excuses.
     */
    public static List<String> unexplained(List<Difference> differences, Map<String, String> allowances) {
        List<String> left = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Difference difference : differences) {
            if (allowances.containsKey(difference.path())) {
                used.add(difference.path());
            } else {
                left.add(difference.toString());
            }
        }
        allowances.keySet().stream().filter(path -> !used.contains(path))
                .forEach(path -> left.add(path + ": allowed, but the document does not differ there"));
        return left;
    }

    public static Kind kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> Kind.STRING;
            case NUMBER -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case OBJECT -> Kind.OBJECT;
            case ARRAY -> Kind.ARRAY;
            case NULL -> Kind.NULL;
            case BINARY, MISSING, POJO -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        };
    }

    /** One place in the examples: the kinds seen there, and for objects and arrays what they held. */
    private static final class Place {
        private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        private final Map<String, Place> fields = new LinkedHashMap<>();
        private final Map<String, Integer> presence = new LinkedHashMap<>();
        private int objects;
        private Place items;

        void learn(JsonNode node) {
            kinds.add(kindOf(node));
            if (node.isObject()) {
                objects++;
                node.properties().forEach(field -> {
                    presence.merge(field.getKey(), 1, Integer::sum);
                    fields.computeIfAbsent(field.getKey(), name -> new Place()).learn(field.getValue());
                });
            } else if (node.isArray()) {
                for (JsonNode item : node) {
                    if (items == null) {
                        items = new Place();
                    }
                    items.learn(item);
                }
            }
        }

        void check(JsonNode node, String path, boolean requireAll, List<Difference> found) {
            Kind kind = kindOf(node);
            Set<Kind> known = EnumSet.copyOf(kinds);
            known.remove(Kind.NULL);
            if (known.isEmpty()) {
                // The examples only ever show null here: nothing is known of the kind or what it holds.
                return;
            }
            if (!kinds.contains(kind)) {
                found.add(new Difference(path, kind + " where the reference has " + kinds));
                return;
            }
            if (kind == Kind.OBJECT) {
                for (Map.Entry<String, Place> field : fields.entrySet()) {
                    boolean required = presence.get(field.getKey()) == objects;
                    if (requireAll && required && !node.has(field.getKey())) {
                        found.add(new Difference(join(path, field.getKey()), "missing"));
                    }
                }
                node.properties().forEach(field -> {
                    Place expected = fields.get(field.getKey());
                    String at = join(path, field.getKey());
                    if (expected == null) {
                        if (!fields.isEmpty()) {
                            found.add(new Difference(at, "not in the reference"));
                        }
                    } else {
                        expected.check(field.getValue(), at, requireAll, found);
                    }
                });
            } else if (kind == Kind.ARRAY && items != null) {
                for (JsonNode item : node) {
                    items.check(item, path + "[]", requireAll, found);
                }
            }
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }
    }
}

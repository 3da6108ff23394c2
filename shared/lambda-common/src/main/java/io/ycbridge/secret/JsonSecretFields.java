package io.ycbridge.secret;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The secret as a JSON object (Secrets Manager's SecretString). */
final class JsonSecretFields implements SecretFields {
    private static final ObjectMapper MAPPER = ApiJson.mapper();

    private final JsonNode root;
    private final String where;

    private JsonSecretFields(JsonNode root, String where) {
        this.root = root;
        this.where = where;
    }

    static JsonSecretFields parse(String json, String where) {
        if (json == null || json.isBlank()) {
            throw new SecretFormatException("SecretString", where + " is empty: store a JSON object such as "
                    + "{\"partnerToken\": \"...\", \"userToken\": \"...\", \"companies\": [235564]}");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Only the position: the parser's own message quotes the text around the error, which is the secret.
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new SecretFormatException("SecretString", where + " is not JSON" + position
                    + ": store a JSON object such as {\"partnerToken\": \"...\", \"userToken\": \"...\", \"companies\": [235564]}");
        }
        if (root == null || !root.isObject()) {
            throw new SecretFormatException("SecretString", where + " is JSON but not an object (found "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT))
                    + "): store {\"partnerToken\": \"...\", ...}");
        }
        return new JsonSecretFields(root, where);
    }

    @Override
    public Optional<String> text(String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            String value = node.textValue().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        if (node.isIntegralNumber()) {
            // A login that is a phone number is easily written as a JSON number.
            return Optional.of(node.asText());
        }
        throw new SecretFormatException(key, where + ": " + key + " must be a string, found " + kind(node));
    }

    @Override
    public Optional<List<Long>> ids(String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>();
        if (node.isArray()) {
            int index = 0;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); index++) {
                ids.add(id(key, it.next(), "element " + index + " of "));
            }
        } else {
            ids.add(id(key, node, ""));
        }
        return Optional.of(List.copyOf(ids));
    }

    private long id(String key, JsonNode node, String which) {
        long id;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            id = node.longValue();
        } else if (node.isTextual() && node.textValue().strip().matches("\\d{1,18}")) {
            id = Long.parseLong(node.textValue().strip());
        } else {
            throw new SecretFormatException(key, where + ": " + which + key + " must be a company id (a positive number), found "
                    + kind(node) + "; write \"" + key + "\": [235564, 240012]");
        }
        if (id <= 0) {
            throw new SecretFormatException(key, where + ": " + which + key + " must be a positive company id");
        }
        return id;
    }

    @Override
    public String nameOf(String key) {
        return key;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public String nearMiss(String key) {
        String wanted = normal(key);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(key) && normal(name).equals(wanted)) {
                return " (found \"" + name + "\": the key is spelled \"" + key + "\")";
            }
        }
        return "";
    }

    private static String normal(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}

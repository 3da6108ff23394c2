package io.ycbridge.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A list the reference sometimes answers with its one item (a phone's loyalty cards: "список карт", yet the example is
 * one object): an array is the list, one object a list of one, and {@code []}, {@code {}} or null no items.
 */
final class OneOrMany {
    private OneOrMany() {
    }

    /** @throws IOException (a {@code JsonMappingException}) when an item does not decode as {@code type} */
    static <T> List<T> read(JsonNode data, Class<T> type, ObjectMapper json) throws IOException {
        if (data == null || data.isNull() || data.isMissingNode() || (data.isContainerNode() && data.isEmpty())) {
            return List.of();
        }
        if (data.isArray()) {
            List<T> items = json.readerForListOf(type).readValue(data);
            // An item written as PHP's [] reads as null: nothing there.
            return items.stream().filter(Objects::nonNull).toList();
        }
        T one = json.treeToValue(data, type);
        return one == null ? List.of() : List.of(one);
    }
}

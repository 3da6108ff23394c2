package io.ycbridge.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.io.InputStream;

/**
 * An event's bytes as a JSON tree, the one thing every trigger's reader starts from.
 *
 * <p>A tree, not Jackson's bean databinding of the events library's classes: introspecting those Lombok classes and
 * building their deserializers cost over 100 ms at every cold start, reading the tree a fraction of that, and the
 * functions load the tree model anyway. Read with the project's one mapper ({@link ApiJson}), whose leniencies are all
 * databinding and unused here but for one: it reads floats as {@code BigDecimal}, turned off for events, because a
 * float beyond {@code BigDecimal}'s exponent range (1e99999999999) then fails the whole parse with a bare
 * {@code NumberFormatException} — even in a field nobody reads — where a double reads it as infinity.
 */
final class EventJson {
    private static final ObjectReader TREES = ApiJson.mapper().reader().without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EventJson() {
    }

    /**
     * The JSON object in {@code input}, which should be {@code shape} ("an SQS batch"). Whatever is wrong with it
     * becomes an {@link UndecodableEventException} that never quotes the input: an event can carry tokens and phone
     * numbers, and the message ends up in a response or the function's log.
     */
    static JsonNode object(InputStream input, String shape) throws IOException {
        // Messages are put together only when something is wrong: a first string concatenation costs a cold start.
        try (JsonParser parser = TREES.createParser(input)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UndecodableEventException("the event is empty: expected a JSON object (" + shape + ")");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UndecodableEventException("the event is not a JSON object (" + shape + ")");
            }
            return TREES.readTree(parser);
        } catch (JsonProcessingException notJson) {
            // Syntax, and the parser's limits (nesting depth, number and string length). Its message quotes the input.
            var at = notJson.getLocation();
            throw new UndecodableEventException("the event is not valid JSON" + (at == null ? ""
                    : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }
}

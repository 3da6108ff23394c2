package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Lambda's own JSON: trigger events in, function responses out, onto the events library's classes — HTTP API payload
 * 2.0 ({@link APIGatewayV2HTTPEvent} / {@link APIGatewayV2HTTPResponse}), DynamoDB stream batches
 * ({@link DynamodbEvent} / {@link StreamsEventResponse}), and plain JSON trees ({@link JsonNode}) for the triggers a
 * function tells apart itself.
 *
 * <p>Mapped by hand over the JSON tree (read) and a {@link JsonGenerator} (write), not by Jackson's bean databinding:
 * introspecting the events library's Lombok classes and building their (de)serializers cost over 100 ms at every cold
 * start, reading the tree a fraction of that, and the functions load the tree model anyway. The names are the wire's,
 * matched exactly; unknown fields are ignored (AWS adds some); absent values are left out of responses. The classes
 * named for each shape ({@code HttpApiEventJson}, {@code DynamodbEventJson}…) hold the mapping both ways.
 *
 * <p>Trees are read and written with the project's one mapper ({@link ApiJson}): its leniencies are all databinding,
 * unused here, but for one: it reads floats as {@code BigDecimal}, which is turned off for events, because a float
 * beyond {@code BigDecimal}'s exponent range (1e99999999999) then fails the whole parse with a bare
 * {@code NumberFormatException} — even in a field nobody reads — where a double reads it as infinity.
 */
public final class TriggerJson {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final ObjectReader TREES = JSON.reader().without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TriggerJson() {
    }

    /** Whether {@link #read} knows {@code type}: the events and responses above, and JSON trees. */
    public static boolean reads(Class<?> type) {
        return type == APIGatewayV2HTTPEvent.class || type == DynamodbEvent.class || type == JsonNode.class
                || type == ObjectNode.class || isResponse(type);
    }

    /**
     * The JSON object in {@code input} as a {@code type}. Whatever is wrong with it becomes an
     * {@link UndecodableEventException} whose message says what and where but never quotes the input: an event can
     * carry tokens and phone numbers, and the message ends up in a response or the function's log.
     *
     * @throws IllegalArgumentException if {@code type} is none that {@link #reads} knows
     */
    public static <T> T read(InputStream input, Class<T> type) throws IOException {
        if (!reads(type)) {
            throw new IllegalArgumentException("TriggerJson does not read " + type.getName());
        }
        // Messages are put together only when something is wrong: a first string concatenation costs a cold start.
        JsonNode tree;
        try (JsonParser parser = TREES.createParser(input)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UndecodableEventException(what(type) + " is empty: expected a JSON object (" + type.getSimpleName() + ")");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UndecodableEventException(what(type) + " is not a JSON object (" + type.getSimpleName() + ")");
            }
            tree = TREES.readTree(parser);
        } catch (JsonProcessingException notJson) {
            // Syntax, and the parser's limits (nesting depth, number and string length). Its message quotes the input.
            var at = notJson.getLocation();
            throw new UndecodableEventException(what(type) + " is not valid JSON" + (at == null ? ""
                    : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        EventObject root = EventObject.root(tree, type);
        Object decoded;
        if (type == APIGatewayV2HTTPEvent.class) {
            decoded = HttpApiEventJson.read(root);
        } else if (type == DynamodbEvent.class) {
            decoded = DynamodbEventJson.read(root);
        } else if (type == APIGatewayV2HTTPResponse.class) {
            decoded = HttpApiResponseJson.read(root);
        } else if (type == StreamsEventResponse.class) {
            decoded = StreamsEventResponseJson.read(root);
        } else {
            decoded = tree;
        }
        return type.cast(decoded);
    }

    public static <T> T read(byte[] input, Class<T> type) throws IOException {
        return read(new ByteArrayInputStream(input), type);
    }

    /**
     * {@code value} as Lambda's JSON, then {@code output} closed. The events and responses above in their wire names;
     * a JSON tree as it is; anything else (a map, a record, null) as the one mapper writes it.
     */
    public static void write(OutputStream output, Object value) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(output)) {
            FieldWriter out = new FieldWriter(generator);
            if (value instanceof APIGatewayV2HTTPResponse response) {
                HttpApiResponseJson.write(response, out);
            } else if (value instanceof StreamsEventResponse response) {
                StreamsEventResponseJson.write(response, out);
            } else if (value instanceof JsonNode tree) {
                JSON.writeTree(generator, tree);
            } else if (value instanceof APIGatewayV2HTTPEvent event) {
                HttpApiEventJson.write(event, out);
            } else if (value instanceof DynamodbEvent event) {
                DynamodbEventJson.write(event, out);
            } else {
                JSON.writeValue(generator, value);
            }
        }
    }

    /** {@link #write} into bytes: what the local stack and tests hand a handler, as Lambda would. */
    public static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, value);
        return bytes.toByteArray();
    }

    /** How a message names the input: "the event", or "the response" when the local stack reads a function's answer. */
    static String what(Class<?> type) {
        return isResponse(type) ? "the response" : "the event";
    }

    private static boolean isResponse(Class<?> type) {
        return type == APIGatewayV2HTTPResponse.class || type == StreamsEventResponse.class;
    }
}

package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The one configured {@link ObjectMapper} for Lambda's own JSON: trigger events in, function responses out, onto the
 * events library's classes. Lambda's wire names are not bean names everywhere, so:
 * <ul>
 *   <li>unknown properties are ignored (AWS adds fields: HTTP API's {@code requestContext.authentication}, mTLS
 *       details and more), names match exactly, as in the runtime's own decoding;</li>
 *   <li>the DynamoDB stream's names ({@code Records}, {@code NewImage}, {@code S}/{@code N}/{@code M}/{@code L}/
 *       {@code BOOL}/{@code NULL}…) are spelled out in mixins, so they are also written back as Lambda writes them;</li>
 *   <li>{@code ApproximateCreationDateTime} is epoch <em>seconds</em>, possibly fractional, not Jackson's millis;</li>
 *   <li>absent values are left out of responses ({@code cookies} only when set, a 304 without a body).</li>
 * </ul>
 * Separate from {@code ApiJson}, YClients' mapper, whose leniencies (flags as "1", floats as BigDecimal) are for
 * that API's bodies, not for AWS's envelopes.
 */
public final class TriggerJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .addMixIn(DynamodbEvent.class, DynamodbEventNames.class)
            .addMixIn(StreamRecord.class, StreamRecordNames.class)
            .addMixIn(AttributeValue.class, AttributeValueNames.class)
            .build();

    private TriggerJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The event in {@code input} as a {@code type}. Whatever is wrong with it becomes an {@link UndecodableEventException}
     * whose message says what and where but never quotes the input: an event can carry tokens and phone numbers, and
     * the message ends up in a response or the function's log.
     */
    public static <T> T read(InputStream input, Class<T> type) throws IOException {
        String expected = type.getSimpleName();
        try (JsonParser parser = MAPPER.createParser(input)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UndecodableEventException("the event is empty: expected a JSON object (" + expected + ")");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UndecodableEventException("the event is not a JSON object (" + expected + ")");
            }
            return MAPPER.readValue(parser, type);
        } catch (JsonMappingException misfit) {
            throw new UndecodableEventException("the event does not fit " + expected + " at " + path(misfit.getPath()));
        } catch (JsonProcessingException notJson) {
            // Syntax, and the parser's limits (nesting depth, number and string length).
            var at = notJson.getLocation();
            throw new UndecodableEventException("the event is not valid JSON" + (at == null ? ""
                    : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /**
     * {@code requestContext.http.method}, {@code Records[0].dynamodb.NewImage.*}: property names and indexes only. A map's
     * keys are the sender's (header and claim names, query parameters) and show as {@code *}.
     */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFrom() instanceof Map<?, ?>) {
                path.append(".*");
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    abstract static class DynamodbEventNames {
        @JsonProperty("Records")
        abstract List<DynamodbEvent.DynamodbStreamRecord> getRecords();
    }

    abstract static class StreamRecordNames {
        @JsonProperty("ApproximateCreationDateTime")
        @JsonSerialize(using = EpochSecondsWriter.class)
        abstract Date getApproximateCreationDateTime();

        @JsonDeserialize(using = EpochSecondsReader.class)
        abstract void setApproximateCreationDateTime(Date time);

        @JsonProperty("Keys")
        abstract Map<String, AttributeValue> getKeys();

        @JsonProperty("NewImage")
        abstract Map<String, AttributeValue> getNewImage();

        @JsonProperty("OldImage")
        abstract Map<String, AttributeValue> getOldImage();

        @JsonProperty("SequenceNumber")
        abstract String getSequenceNumber();

        @JsonProperty("SizeBytes")
        abstract Long getSizeBytes();

        @JsonProperty("StreamViewType")
        abstract String getStreamViewType();
    }

    /** A getter's name renames its property, setter included: Jackson pairs them by the bean name ({@code ss}). */
    abstract static class AttributeValueNames {
        @JsonProperty("S")
        abstract String getS();

        @JsonProperty("N")
        abstract String getN();

        @JsonProperty("B")
        abstract ByteBuffer getB();

        @JsonProperty("SS")
        abstract List<String> getSS();

        @JsonProperty("NS")
        abstract List<String> getNS();

        @JsonProperty("BS")
        abstract List<ByteBuffer> getBS();

        @JsonProperty("M")
        abstract Map<String, AttributeValue> getM();

        @JsonProperty("L")
        abstract List<AttributeValue> getL();

        @JsonProperty("NULL")
        abstract Boolean getNULL();

        @JsonProperty("BOOL")
        abstract Boolean getBOOL();
    }

    /** DynamoDB Streams' time: epoch seconds, whole or with a fraction ({@code 1479499740.123}). */
    static final class EpochSecondsReader extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Date(parser.getDecimalValue().movePointRight(3).longValue());
            }
            throw context.wrongTokenException(parser, Date.class, JsonToken.VALUE_NUMBER_INT, "epoch seconds");
        }
    }

    static final class EpochSecondsWriter extends JsonSerializer<Date> {
        @Override
        public void serialize(Date value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            long millis = value.getTime();
            if (millis % 1000 == 0) {
                generator.writeNumber(millis / 1000);
            } else {
                generator.writeNumber(BigDecimal.valueOf(millis, 3));
            }
        }
    }
}

package io.ycbridge.yclients;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.ycbridge.yclients.model.RecordClient;
import java.io.IOException;
import java.util.Locale;

/**
 * The one configured {@link ObjectMapper} for the API's JSON. The API is loose with types (numbers as strings,
 * flags as 0/1 or "1", phones as numbers), so decoding is lenient in exactly those ways and strict nowhere else:
 * ids, weights, durations and prices read from a number or a numeric string (Jackson's scalar coercion, kept on), and
 * an object of ours may come as PHP's empty array {@code []} (the reference's {@code "position": []},
 * {@code "image_group": []}), which reads as absent. A record's client may also be {@code {}} ("может быть пустой
 * объект", the reference's record table): no client, as {@code null} is, not a client without id or phone.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new SimpleModule("yclients")
                    .addDeserializer(ApiTimestamp.class, new TimestampDeserializer())
                    .addSerializer(ApiTimestamp.class, new TimestampSerializer())
                    .addDeserializer(Boolean.class, new FlagDeserializer())
                    .setDeserializerModifier(new SkipUnknownProperties()))
            .build();

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Unknown properties are skipped where they stand instead of being copied aside first. With only
     * {@code FAIL_ON_UNKNOWN_PROPERTIES} off, Jackson's constructor-based binding (every Java record, so every model)
     * copies each unknown property into a token buffer and drops the copy once the object is built. A records page is
     * about a third unknown fields (the embedded {@code staff}, {@code cost_per_unit}, {@code record_labels}, …), and
     * that copying was a sixth of the time to decode one. Everything else is as before: known properties, any-setters,
     * explicit ignorals, and the syntax check of what is skipped. Deserializers are built per mapper, so a copy that
     * enables the feature fails on unknown properties as usual.
     */
    private static final class SkipUnknownProperties extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                     BeanDeserializerBuilder builder) {
            if (!config.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
                builder.setIgnoreUnknownProperties(true);
            }
            return builder;
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type.isRecord() && type.getPackageName().equals(RecordClient.class.getPackageName())
                    ? new EmptyAsAbsent(deserializer, type == RecordClient.class)
                    : deserializer;
        }
    }

    /** {@code []} for one of our objects is PHP's empty array, i.e. nothing; {@code {}} too where the API says so. */
    private static final class EmptyAsAbsent extends DelegatingDeserializer {
        private final boolean emptyObjectIsAbsent;

        EmptyAsAbsent(JsonDeserializer<?> delegate, boolean emptyObjectIsAbsent) {
            super(delegate);
            this.emptyObjectIsAbsent = emptyObjectIsAbsent;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new EmptyAsAbsent(delegate, emptyObjectIsAbsent);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_ARRAY) {
                if (parser.nextToken() == JsonToken.END_ARRAY) {
                    return null;
                }
                // Not empty: refused as before, naming the array.
                return context.handleUnexpectedToken(handledType(), JsonToken.START_ARRAY, parser, null);
            }
            if (token == JsonToken.START_OBJECT && emptyObjectIsAbsent) {
                if (parser.nextToken() == JsonToken.END_OBJECT) {
                    return null;
                }
                // Now at the first field name, where the bean deserializer also starts.
            }
            return _delegatee.deserialize(parser, context);
        }
    }

    private static final class TimestampDeserializer extends JsonDeserializer<ApiTimestamp> {
        @Override
        public ApiTimestamp deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
                // The API writes "0000-00-00 00:00:00" for "never"; that is no time at all, not an error.
                return null;
            }
            try {
                return ApiTimestamp.parse(text);
            } catch (IllegalArgumentException e) {
                return (ApiTimestamp) context.handleWeirdStringValue(ApiTimestamp.class, text, e.getMessage());
            }
        }
    }

    private static final class TimestampSerializer extends JsonSerializer<ApiTimestamp> {
        @Override
        public void serialize(ApiTimestamp value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    /** true/false, 1/0, "1"/"0", "true"/"false"; anything else is an error naming the value's kind. */
    private static final class FlagDeserializer extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NUMBER_INT -> parser.getLongValue() != 0;
                case VALUE_STRING -> switch (parser.getText().strip().toLowerCase(Locale.ROOT)) {
                    case "1", "true" -> Boolean.TRUE;
                    case "0", "false", "" -> Boolean.FALSE;
                    default -> (Boolean) context.handleWeirdStringValue(Boolean.class, parser.getText(), "not a flag");
                };
                default -> (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
            };
        }

        @Override
        public Boolean getNullValue(DeserializationContext context) {
            return null;
        }
    }
}

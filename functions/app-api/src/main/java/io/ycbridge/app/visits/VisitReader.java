package io.ycbridge.app.visits;

import io.ycbridge.app.RequestRefused;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.table.TableDefinitions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A phone's records from RecordsTable's {@code by_client_phone} index, a page at a time: upcoming ones soonest first,
 * past ones latest first, or all latest first. The cursor holds the page's last key without the phone, which is
 * personal data and would end up in URLs and logs; the phone is the caller's own on every page.
 */
public final class VisitReader {
    private final DynamoDbClient client;
    private final String table;

    public VisitReader(DynamoDbClient client, String table) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Which visits: those from now on, those before now, or every one. */
    public enum When {
        UPCOMING, PAST, ALL;

        public static When parse(String text) {
            if (text == null || text.isBlank()) {
                return ALL;
            }
            return switch (text.strip()) {
                case "upcoming" -> UPCOMING;
                case "past" -> PAST;
                case "all" -> ALL;
                default -> throw new RequestRefused(400, "when must be upcoming, past or all");
            };
        }
    }

    public record Page(List<StoredRecord> records, String cursor) {
    }

    public Page page(String phoneE164, When when, Instant now, int limit, String cursor) {
        Map<String, String> names = new HashMap<>(Map.of("#phone", RecordItem.CLIENT_PHONE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":phone", AttributeValue.fromS(phoneE164)));
        String condition = "#phone = :phone";
        if (when != When.ALL) {
            names.put("#start", RecordItem.STARTS_AT_MS);
            values.put(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
            condition += when == When.UPCOMING ? " AND #start >= :now" : " AND #start < :now";
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(TableDefinitions.RECORDS_BY_CLIENT_PHONE_INDEX)
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(when == When.UPCOMING).limit(limit);
        if (cursor != null) {
            query.exclusiveStartKey(startKey(phoneE164, when, cursor));
        }
        QueryResponse answer;
        try {
            answer = client.query(query.build());
        } catch (DynamoDbException e) {
            if (e.statusCode() == 400 && cursor != null) {
                throw new RequestRefused(400, "the cursor is not one this list gave: start again without it");
            }
            throw e;
        }
        List<StoredRecord> records = answer.items().stream().map(RecordItem::fromItem).toList();
        Map<String, AttributeValue> last = answer.lastEvaluatedKey();
        return new Page(records, last == null || last.isEmpty() ? null : cursorOf(when, last));
    }

    private static String cursorOf(When when, Map<String, AttributeValue> last) {
        String text = when.name() + ":" + last.get(RecordItem.COMPANY_ID).n() + ":" + last.get(RecordItem.RECORD_ID).n() + ":"
                + last.get(RecordItem.STARTS_AT_MS).n();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String phoneE164, When when, String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 4 || !parts[0].equals(when.name()) || !parts[1].matches("\\d{1,18}") || !parts[2].matches("\\d{1,18}")
                || !parts[3].matches("-?\\d{1,19}")) {
            throw new RequestRefused(400, "the cursor is not one this list gave (for this value of when): start again without it");
        }
        return Map.of(RecordItem.COMPANY_ID, AttributeValue.fromN(parts[1]), RecordItem.RECORD_ID, AttributeValue.fromN(parts[2]),
                RecordItem.CLIENT_PHONE, AttributeValue.fromS(phoneE164), RecordItem.STARTS_AT_MS, AttributeValue.fromN(parts[3]));
    }
}

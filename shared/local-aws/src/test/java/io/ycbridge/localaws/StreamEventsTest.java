package io.ycbridge.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class StreamEventsTest {
    static final String DOCUMENTED = StreamEvents.documentedOnFailureRecord();

    private static Record record(String sequence, Instant created) {
        return Record.builder().eventID(sequence).eventName("MODIFY").dynamodb(StreamRecord.builder()
                .keys(Map.of("company_id", AttributeValue.fromN("235564"), "record_id", AttributeValue.fromN("9001")))
                .sequenceNumber(sequence).approximateCreationDateTime(created).build()).build();
    }

    @Test
    void theOnFailureRecordHasTheDocumentedShapeFieldForField() throws Exception {
        List<Record> batch = List.of(record("800000000003126276362", Instant.parse("2019-11-14T00:13:19.400Z")),
                record("800000000003126276399", Instant.parse("2019-11-14T00:13:21.900Z")));

        JsonNode written = StreamEvents.onFailure(batch, "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388",
                "shardId-00000001573689847184-864758bb", "arn:aws:lambda:us-east-2:123456789012:function:myfunction", 3,
                Instant.parse("2019-11-14T00:13:49.717123Z"));

        assertEquals(shape(new ObjectMapper().readTree(DOCUMENTED)), shape(written));
        JsonNode info = written.path("DDBStreamBatchInfo");
        assertEquals("800000000003126276362", info.path("startSequenceNumber").asText());
        assertEquals("800000000003126276399", info.path("endSequenceNumber").asText());
        assertEquals("2019-11-14T00:13:19Z", info.path("approximateArrivalOfFirstRecord").asText(), "whole seconds, as documented");
        assertEquals("2019-11-14T00:13:21Z", info.path("approximateArrivalOfLastRecord").asText());
        assertEquals(2, info.path("batchSize").asInt());
        assertEquals("2019-11-14T00:13:49.717Z", written.path("timestamp").asText());
        assertEquals(3, written.path("requestContext").path("approximateInvokeCount").asInt());
        assertThrows(IllegalArgumentException.class, () -> StreamEvents.onFailure(List.of(), "arn", "shard", "fn", 1, Instant.now()));
    }

    /** Every field's path and JSON type, in order. */
    private static List<String> shape(JsonNode node) {
        List<String> fields = new ArrayList<>();
        shape("", node, fields);
        return fields;
    }

    private static void shape(String path, JsonNode node, List<String> fields) {
        if (node.isObject()) {
            node.properties().forEach(field -> shape(path + "/" + field.getKey(), field.getValue(), fields));
        } else {
            fields.add(path + ":" + node.getNodeType());
        }
    }
}

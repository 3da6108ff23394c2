package io.ycbridge.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.StreamEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamBatchFailureTest {
    static final String DOCUMENTED = StreamEvents.documentedOnFailureRecord();

    @Test
    void readsTheDocumentedRecord() {
        StreamBatchFailure batch = StreamBatchFailure.fromJson(DOCUMENTED);

        assertEquals(new StreamBatchFailure("arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388",
                "shardId-00000001573689847184-864758bb", "800000000003126276362", "800000000003126276362",
                Instant.parse("2019-11-14T00:13:19Z"), Instant.parse("2019-11-14T00:13:19Z"), 1), batch);
    }

    @Test
    void sequenceNumbersCompareAsNumbersNotAsText() {
        StreamBatchFailure batch = StreamBatchFailure.fromJson(DOCUMENTED.replace("\"endSequenceNumber\": \"800000000003126276362\"",
                "\"endSequenceNumber\": \"800000000003126276399\""));

        assertFalse(batch.endsBefore("800000000003126276399"), "the last record is in the batch");
        assertTrue(batch.endsBefore("800000000003126276400"));
        assertTrue(batch.endsBefore("1000000000000000000000"), "longer is larger, though it sorts first as text");
        assertFalse(batch.endsBefore("99999999999999999999"));
    }

    @Test
    void aDuplicateDeliveryIsTheSameBatchAndAnotherRangeIsNot() {
        StreamBatchFailure batch = StreamBatchFailure.fromJson(DOCUMENTED);
        StreamBatchFailure again = StreamBatchFailure.fromJson(DOCUMENTED.replace("316aa6d0", "99999999").replace("00:13:49.717", "00:14:02.001"));
        StreamBatchFailure other = StreamBatchFailure.fromJson(DOCUMENTED.replace("\"startSequenceNumber\": \"800000000003126276362\"",
                "\"startSequenceNumber\": \"800000000003126276300\""));

        assertEquals(batch.batchId(), again.batchId());
        assertNotEquals(batch.batchId(), other.batchId());
    }

    @Test
    void anythingElseIsRefusedSayingWhy() {
        assertEquals("not JSON", refused("{\"DDBStreamBatchInfo\": "));
        // The SQS queue could also hold a Kinesis stream's record, or an asynchronous invocation's (requestPayload).
        assertTrue(refused(DOCUMENTED.replace("DDBStreamBatchInfo", "KinesisBatchInfo")).contains("no DDBStreamBatchInfo"));
        assertTrue(refused("{\"requestPayload\": {\"Records\": []}}").contains("no DDBStreamBatchInfo"));
        assertTrue(refused(DOCUMENTED.replace("\"shardId\": \"shardId-00000001573689847184-864758bb\",", "")).contains("no shardId"));
        assertTrue(refused(DOCUMENTED.replace("\"endSequenceNumber\": \"800000000003126276362\"",
                "\"endSequenceNumber\": \"80000000000312627636\"")).contains("not a range"), "end before start");
        assertTrue(refused(DOCUMENTED.replace("\"startSequenceNumber\": \"800000000003126276362\"", "\"startSequenceNumber\": 8")).contains(
                "no startSequenceNumber"));
        assertTrue(refused(DOCUMENTED.replace("\"approximateArrivalOfFirstRecord\": \"2019-11-14T00:13:19Z\"",
                "\"approximateArrivalOfFirstRecord\": \"yesterday\"")).contains("not an ISO-8601 instant"));
        assertTrue(refused(DOCUMENTED.replace("\"approximateArrivalOfFirstRecord\": \"2019-11-14T00:13:19Z\"",
                "\"approximateArrivalOfFirstRecord\": \"2019-11-14T00:13:20Z\"")).contains("arrived before its first"));
    }

    private static String refused(String body) {
        return assertThrows(IllegalArgumentException.class, () -> StreamBatchFailure.fromJson(body)).getMessage();
    }
}

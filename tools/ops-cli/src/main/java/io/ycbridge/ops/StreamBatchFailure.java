package io.ycbridge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What one BonusDeadLetterQueue message says: Lambda's on-failure invocation record for a DynamoDB stream batch that
 * used up its retries. It holds no record, only where the batch was ({@code DDBStreamBatchInfo}: stream, shard, first
 * and last sequence number) and when its records reached the stream (approximate arrival of the first and last, in
 * whole seconds) — the shape of "Example Amazon SNS and Amazon SQS invocation record" in
 * https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html. The stream keeps the records 24 hours.
 */
record StreamBatchFailure(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber,
                          Instant firstArrival, Instant lastArrival, int batchSize) {

    /** @throws IllegalArgumentException naming what is missing, for a body that is not such a record */
    static StreamBatchFailure fromJson(String body) {
        JsonNode root;
        try {
            root = ApiJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        JsonNode info = root == null ? null : root.get("DDBStreamBatchInfo");
        if (info == null || !info.isObject()) {
            throw new IllegalArgumentException("no DDBStreamBatchInfo: not the on-failure record of a DynamoDB stream batch");
        }
        String start = text(info, "startSequenceNumber");
        String end = text(info, "endSequenceNumber");
        if (!start.matches("\\d{1,64}") || !end.matches("\\d{1,64}") || new BigInteger(start).compareTo(new BigInteger(end)) > 0) {
            throw new IllegalArgumentException("DDBStreamBatchInfo's sequence numbers are not a range of stream positions");
        }
        Instant first = instant(info, "approximateArrivalOfFirstRecord");
        Instant last = instant(info, "approximateArrivalOfLastRecord");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("DDBStreamBatchInfo's last record arrived before its first");
        }
        return new StreamBatchFailure(text(info, "streamArn"), text(info, "shardId"), start, end, first, last,
                info.path("batchSize").asInt(0));
    }

    /** Whether {@code sequenceNumber} is past the batch's last record; sequence numbers are decimal and only grow in a shard. */
    boolean endsBefore(String sequenceNumber) {
        return new BigInteger(sequenceNumber).compareTo(new BigInteger(endSequenceNumber)) > 0;
    }

    /** The same batch, whichever message describes it: Lambda may send one failure twice. */
    String batchId() {
        return streamArn + "/" + shardId + "/" + startSequenceNumber + "-" + endSequenceNumber;
    }

    private static String text(JsonNode info, String field) {
        JsonNode value = info.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("DDBStreamBatchInfo has no " + field);
        }
        return value.asText();
    }

    private static Instant instant(JsonNode info, String field) {
        try {
            return Instant.parse(text(info, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("DDBStreamBatchInfo's " + field + " is not an ISO-8601 instant");
        }
    }
}

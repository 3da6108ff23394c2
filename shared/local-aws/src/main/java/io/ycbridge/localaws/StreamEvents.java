package io.ycbridge.localaws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What Lambda's DynamoDB event source does to stream records before the function sees them: SDK stream records (from
 * GetRecords on DynamoDB Local) written as the JSON event Lambda sends, images in DynamoDB JSON ({@code {"N": "5"}}).
 * For the local stack's stream poller and the tests that feed bonus accrual from a real stream, which hand the
 * function this JSON as the runtime would; and what the on-failure destination receives when a batch is given up.
 */
public final class StreamEvents {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StreamEvents() {
    }

    /** {@code {"Records": [...]}}: each record with {@code eventSource}, region and stream ARN, as Lambda adds them. */
    public static ObjectNode batch(List<Record> records, String streamArn, String region) {
        ObjectNode event = JSON.objectNode();
        ArrayNode items = event.putArray("Records");
        for (Record record : records) {
            ObjectNode item = items.addObject()
                    .put("eventID", record.eventID())
                    .put("eventName", record.eventNameAsString())
                    .put("eventVersion", record.eventVersion())
                    .put("eventSource", "aws:dynamodb")
                    .put("awsRegion", region)
                    .put("eventSourceARN", streamArn);
            var sdk = record.dynamodb();
            ObjectNode stream = item.putObject("dynamodb");
            if (sdk.approximateCreationDateTime() != null) {
                long millis = sdk.approximateCreationDateTime().toEpochMilli();
                // Epoch seconds, as Lambda writes the creation time: a whole number, or with the milliseconds as a fraction.
                if (millis % 1000 == 0) {
                    stream.put("ApproximateCreationDateTime", millis / 1000);
                } else {
                    stream.put("ApproximateCreationDateTime", BigDecimal.valueOf(millis, 3));
                }
            }
            stream.set("Keys", image(sdk.keys()));
            if (sdk.hasNewImage()) {
                stream.set("NewImage", image(sdk.newImage()));
            }
            if (sdk.hasOldImage()) {
                stream.set("OldImage", image(sdk.oldImage()));
            }
            stream.put("SequenceNumber", sdk.sequenceNumber());
            if (sdk.sizeBytes() != null) {
                stream.put("SizeBytes", sdk.sizeBytes());
            }
            if (sdk.streamViewTypeAsString() != null) {
                stream.put("StreamViewType", sdk.streamViewTypeAsString());
            }
        }
        return event;
    }

    /**
     * Where Lambda resumes a batch after {@code ReportBatchItemFailures}: the first record among the failed sequence
     * numbers, -1 when none failed, 0 when one names a record not in the batch (Lambda then retries the whole batch).
     */
    public static int firstFailure(List<Record> batch, Collection<String> failedSequenceNumbers) {
        if (failedSequenceNumbers.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failedSequenceNumbers.contains(batch.get(i).dynamodb().sequenceNumber())) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The Lambda Developer Guide's "Example Amazon SNS and Amazon SQS invocation record" for a DynamoDB stream, as printed
     * on https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html (a copy, the reference for what
     * {@link #onFailure} writes and what {@code ops recover-accruals} reads).
     */
    public static String documentedOnFailureRecord() {
        try (java.io.InputStream in = StreamEvents.class.getResourceAsStream("dynamodb-on-failure-record.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The invocation record Lambda sends to a stream's on-failure destination (SQS or SNS) when a batch has used up its
     * retries: metadata only, the records themselves stay in the stream (24 hours). The shape is the Lambda Developer
     * Guide's "Example Amazon SNS and Amazon SQS invocation record" for a DynamoDB stream
     * (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html): {@code DDBStreamBatchInfo} names the
     * shard, the first and last sequence numbers, and the approximate arrival of the first and last record in whole
     * seconds. {@code batch} is what the last attempt was handed: with ReportBatchItemFailures, the failing suffix.
     */
    public static ObjectNode onFailure(List<Record> batch, String streamArn, String shardId, String functionArn, int invokeCount,
                                       Instant now) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("an on-failure record describes a batch of at least one record");
        }
        ObjectNode record = JSON.objectNode();
        record.putObject("requestContext")
                .put("requestId", UUID.randomUUID().toString())
                .put("functionArn", functionArn)
                .put("condition", "RetryAttemptsExhausted")
                .put("approximateInvokeCount", invokeCount);
        record.putObject("responseContext")
                .put("statusCode", 200)
                .put("executedVersion", "$LATEST")
                .put("functionError", "Unhandled");
        record.put("version", "1.0");
        record.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS)));
        record.putObject("DDBStreamBatchInfo")
                .put("shardId", shardId)
                .put("startSequenceNumber", batch.getFirst().dynamodb().sequenceNumber())
                .put("endSequenceNumber", batch.getLast().dynamodb().sequenceNumber())
                .put("approximateArrivalOfFirstRecord", arrival(batch.getFirst(), now))
                .put("approximateArrivalOfLastRecord", arrival(batch.getLast(), now))
                .put("batchSize", batch.size())
                .put("streamArn", streamArn);
        return record;
    }

    private static String arrival(Record record, Instant now) {
        Instant created = record.dynamodb().approximateCreationDateTime();
        return DateTimeFormatter.ISO_INSTANT.format((created == null ? now : created).truncatedTo(ChronoUnit.SECONDS));
    }

    /** An item in DynamoDB JSON, as a stream image carries it. */
    public static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode image = JSON.objectNode();
        item.forEach((name, value) -> image.set(name, value(value)));
        return image;
    }

    private static ObjectNode value(AttributeValue value) {
        ObjectNode json = JSON.objectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", value.nul());
            case B -> json.put("B", base64(value.b()));
            case M -> json.set("M", image(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(value(element)));
            }
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> {
                ArrayNode binaries = json.putArray("BS");
                value.bs().forEach(bytes -> binaries.add(base64(bytes)));
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("an attribute value of a type this SDK does not know");
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}

package io.ycbridge.localaws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What Lambda's DynamoDB event source does to stream records before the function sees them: SDK stream records
 * (from GetRecords on DynamoDB Local) into a {@link DynamodbEvent}, type by type. For the local stack's stream poller
 * and the tests that feed bonus accrual from a real stream; the stream function reads them back (bonus-accrual).
 */
public final class StreamEvents {
    private StreamEvents() {
    }

    public static DynamodbEvent event(List<Record> records, String streamArn, String region) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>(records.size());
        for (Record record : records) {
            DynamodbEvent.DynamodbStreamRecord item = new DynamodbEvent.DynamodbStreamRecord();
            item.setEventID(record.eventID());
            item.setEventName(record.eventNameAsString());
            item.setEventVersion(record.eventVersion());
            item.setEventSource("aws:dynamodb");
            item.setAwsRegion(region);
            item.setEventSourceARN(streamArn);
            var sdk = record.dynamodb();
            StreamRecord stream = new StreamRecord()
                    .withSequenceNumber(sdk.sequenceNumber())
                    .withSizeBytes(sdk.sizeBytes())
                    .withKeys(image(sdk.keys()))
                    .withNewImage(sdk.hasNewImage() ? image(sdk.newImage()) : null)
                    .withOldImage(sdk.hasOldImage() ? image(sdk.oldImage()) : null);
            if (sdk.approximateCreationDateTime() != null) {
                stream.setApproximateCreationDateTime(Date.from(sdk.approximateCreationDateTime()));
            }
            if (sdk.streamViewTypeAsString() != null) {
                stream.setStreamViewType(StreamViewType.fromValue(sdk.streamViewTypeAsString()));
            }
            item.setDynamodb(stream);
            converted.add(item);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(converted);
        return event;
    }

    /**
     * Where Lambda resumes a batch after {@code ReportBatchItemFailures}: the first record the response names, -1 when
     * none failed, 0 when it names a record not in the batch (Lambda then retries the whole batch).
     */
    public static int firstFailure(List<Record> batch, StreamsEventResponse response) {
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
        for (int i = 0; i < batch.size(); i++) {
            if (failed.contains(batch.get(i).dynamodb().sequenceNumber())) {
                return i;
            }
        }
        return 0;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        Map<String, AttributeValue> converted = new HashMap<>(image.size() * 2);
        image.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return switch (value.type()) {
            case S -> new AttributeValue().withS(value.s());
            case N -> new AttributeValue().withN(value.n());
            case BOOL -> new AttributeValue().withBOOL(value.bool());
            case NUL -> new AttributeValue().withNULL(value.nul());
            case B -> new AttributeValue().withB(value.b().asByteBuffer());
            case M -> new AttributeValue().withM(image(value.m()));
            case L -> new AttributeValue().withL(value.l().stream().map(StreamEvents::value).toList());
            case SS -> new AttributeValue().withSS(value.ss());
            case NS -> new AttributeValue().withNS(value.ns());
            case BS -> new AttributeValue().withBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("an attribute value of a type this SDK does not know");
        };
    }
}

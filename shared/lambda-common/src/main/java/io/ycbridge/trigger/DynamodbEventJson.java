package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A DynamoDB stream batch as Lambda sends it, field by field, both ways. Its names are not the events library's bean
 * names: {@code Records}, and in {@code dynamodb} {@code ApproximateCreationDateTime, Keys, NewImage, OldImage,
 * SequenceNumber, SizeBytes, StreamViewType}, matched exactly as the runtime matches them. The creation time is epoch
 * <em>seconds</em>, whole or with a fraction ({@code 1479499740.123}).
 */
final class DynamodbEventJson {
    /** Seconds beyond this are no {@link Date}: their milliseconds overflow a long. */
    private static final double MAX_SECONDS = Long.MAX_VALUE / 1000d;

    private DynamodbEventJson() {
    }

    static DynamodbEvent read(EventObject json) throws UndecodableEventException {
        DynamodbEvent event = new DynamodbEvent();
        List<EventObject> records = json.objects("Records");
        if (records != null) {
            List<DynamodbStreamRecord> decoded = new ArrayList<>(records.size());
            for (EventObject record : records) {
                decoded.add(record == null ? null : record(record));
            }
            event.setRecords(decoded);
        }
        return event;
    }

    private static DynamodbStreamRecord record(EventObject json) throws UndecodableEventException {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(json.text("eventID"));
        record.setEventName(json.text("eventName"));
        record.setEventVersion(json.text("eventVersion"));
        record.setEventSource(json.text("eventSource"));
        record.setAwsRegion(json.text("awsRegion"));
        record.setEventSourceARN(json.text("eventSourceARN"));
        EventObject identity = json.object("userIdentity");
        if (identity != null) {
            Identity user = new Identity();
            user.setPrincipalId(identity.text("principalId"));
            user.setType(identity.text("type"));
            record.setUserIdentity(user);
        }
        EventObject stream = json.object("dynamodb");
        if (stream != null) {
            record.setDynamodb(streamRecord(stream));
        }
        return record;
    }

    private static StreamRecord streamRecord(EventObject json) throws UndecodableEventException {
        StreamRecord stream = new StreamRecord();
        JsonNode created = json.value("ApproximateCreationDateTime");
        if (created != null) {
            if (!created.isNumber() || !(Math.abs(created.doubleValue()) < MAX_SECONDS)) {
                throw json.misfit("ApproximateCreationDateTime");
            }
            stream.setApproximateCreationDateTime(new Date(created.decimalValue().movePointRight(3).longValue()));
        }
        stream.setKeys(AttributeValueJson.readAll(json, "Keys"));
        stream.setNewImage(AttributeValueJson.readAll(json, "NewImage"));
        stream.setOldImage(AttributeValueJson.readAll(json, "OldImage"));
        stream.setSequenceNumber(json.text("SequenceNumber"));
        stream.setSizeBytes(json.whole("SizeBytes"));
        String viewType = json.text("StreamViewType");
        if (viewType != null) {
            try {
                // The library keeps the name as text but takes it only as its enum: one of the four DynamoDB has.
                stream.setStreamViewType(StreamViewType.fromValue(viewType));
            } catch (IllegalArgumentException unknown) {
                throw json.misfit("StreamViewType");
            }
        }
        return stream;
    }

    static void write(DynamodbEvent event, FieldWriter out) throws IOException {
        out.generator().writeStartObject();
        if (event.getRecords() != null) {
            out.generator().writeArrayFieldStart("Records");
            for (DynamodbStreamRecord record : event.getRecords()) {
                if (record == null) {
                    out.generator().writeNull();
                } else {
                    writeRecord(record, out);
                }
            }
            out.generator().writeEndArray();
        }
        out.generator().writeEndObject();
    }

    private static void writeRecord(DynamodbStreamRecord record, FieldWriter out) throws IOException {
        out.generator().writeStartObject();
        out.text("eventID", record.getEventID());
        out.text("eventName", record.getEventName());
        out.text("eventVersion", record.getEventVersion());
        out.text("eventSource", record.getEventSource());
        out.text("awsRegion", record.getAwsRegion());
        out.text("eventSourceARN", record.getEventSourceARN());
        if (record.getUserIdentity() != null) {
            out.start("userIdentity");
            out.text("principalId", record.getUserIdentity().getPrincipalId());
            out.text("type", record.getUserIdentity().getType());
            out.end();
        }
        StreamRecord stream = record.getDynamodb();
        if (stream != null) {
            out.start("dynamodb");
            if (stream.getApproximateCreationDateTime() != null) {
                long millis = stream.getApproximateCreationDateTime().getTime();
                out.generator().writeFieldName("ApproximateCreationDateTime");
                if (millis % 1000 == 0) {
                    out.generator().writeNumber(millis / 1000);
                } else {
                    out.generator().writeNumber(BigDecimal.valueOf(millis, 3).stripTrailingZeros());
                }
            }
            AttributeValueJson.writeAll("Keys", stream.getKeys(), out);
            AttributeValueJson.writeAll("NewImage", stream.getNewImage(), out);
            AttributeValueJson.writeAll("OldImage", stream.getOldImage(), out);
            out.text("SequenceNumber", stream.getSequenceNumber());
            out.number("SizeBytes", stream.getSizeBytes());
            out.text("StreamViewType", stream.getStreamViewType());
            out.end();
        }
        out.generator().writeEndObject();
    }
}

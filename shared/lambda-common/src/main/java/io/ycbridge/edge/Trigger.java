package io.ycbridge.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The event shapes our functions are triggered by, each with its one reader over the JSON tree: what a handler
 * reads of the event, in our own records, and nothing more. A trigger's full object model is the events library's
 * job; the tests hold our readers to it, file by file of events/.
 *
 * @param <I> what the event is read as
 */
public abstract class Trigger<I> {
    // Each reader is named inside its own subclass, so a function loads only its own trigger's: the schedule's jar
    // has no DynamoDB model for a stream image to be read into.
    public static final Trigger<HttpRequest> HTTP_API = new Trigger<>("an HTTP API request") {
        @Override
        HttpRequest read(EventObject event) throws UndecodableEventException {
            return HttpApiReader.read(event);
        }
    };
    public static final Trigger<List<StreamChange>> DYNAMODB_STREAM = new Trigger<>("a DynamoDB stream batch") {
        @Override
        List<StreamChange> read(EventObject event) throws UndecodableEventException {
            return StreamBatchReader.read(event);
        }
    };
    public static final Trigger<List<QueueMessage>> SQS = new Trigger<>("an SQS batch") {
        @Override
        List<QueueMessage> read(EventObject event) throws UndecodableEventException {
            return QueueBatchReader.read(event);
        }
    };
    public static final Trigger<ScheduleTick> SCHEDULE = new Trigger<>("an EventBridge schedule tick") {
        @Override
        ScheduleTick read(EventObject event) throws UndecodableEventException {
            return ScheduleReader.read(event);
        }
    };
    public static final Trigger<BusEvent> BUS_EVENT = new Trigger<>("an EventBridge event") {
        @Override
        BusEvent read(EventObject event) throws UndecodableEventException {
            return BusEventReader.read(event);
        }
    };

    /** What the event should be, in words: messages say "the event does not fit an SQS batch at Records". */
    private final String shape;

    private Trigger(String shape) {
        this.shape = shape;
    }

    /**
     * The event in {@code input}. Whatever is wrong with it becomes an {@link UndecodableEventException} that says what
     * and where but never quotes the input. Unknown fields are ignored (AWS adds some), and so is every field the
     * reader does not read.
     */
    public final I read(InputStream input) throws IOException {
        return read(EventObject.root(EventJson.object(input, shape), shape));
    }

    public final I read(byte[] input) throws IOException {
        return read(new ByteArrayInputStream(input));
    }

    abstract I read(EventObject event) throws UndecodableEventException;

    @Override
    public String toString() {
        return shape;
    }
}

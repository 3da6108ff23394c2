package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A Lambda entry point that decodes its own trigger event with {@link TriggerJson}, calls {@link #handle}, and writes
 * the answer. A stream handler rather than a typed {@code RequestHandler} because then the runtime interface client
 * hands over the bytes and loads none of its own serialization — a shaded second Jackson and its event mixins, some
 * 800 classes at every cold start.
 *
 * <p>{@link #handle} has its own name, not an overload of {@code handleRequest}: the runtime resolves the template's
 * {@code ::handleRequest} by name, and must find exactly one. Tests and in-process callers (the local stack, the
 * reliability suite) call it with typed events.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler {
    private final Class<I> eventType;

    /** @throws IllegalArgumentException if {@code eventType} is none that {@link TriggerJson} reads */
    protected JsonStreamHandler(Class<I> eventType) {
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        if (!TriggerJson.reads(eventType)) {
            throw new IllegalArgumentException("TriggerJson does not read " + eventType.getName());
        }
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I event;
        try {
            event = TriggerJson.read(input, eventType);
        } catch (UndecodableEventException undecodable) {
            TriggerJson.write(output, undecodable(undecodable));
            return;
        }
        TriggerJson.write(output, handle(event, context));
    }

    /** The function's work on a decoded event; what it returns is written as the invocation's response. */
    public abstract O handle(I event, Context context);

    /**
     * The answer to input that is not an {@code I}. By default none: the invocation fails, and an asynchronous or
     * stream trigger delivers the event again — it came from AWS, so it is not the sender's mistake to report.
     * Request/response triggers whose caller should hear why override this.
     */
    protected O undecodable(UndecodableEventException problem) throws IOException {
        throw problem;
    }
}

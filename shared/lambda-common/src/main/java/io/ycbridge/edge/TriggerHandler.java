package io.ycbridge.edge;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A Lambda entry point for one {@link Trigger}: reads the event's bytes itself, calls {@link #handle}, and writes the
 * answer ({@link HttpResponse}, {@link BatchItemFailures} or a JSON tree). A stream handler rather than a typed
 * {@code RequestHandler} because then the runtime interface client hands over the bytes and loads none of its own
 * serialization — a shaded second Jackson and its event mixins, some 800 classes at every cold start.
 *
 * <p>{@link #handle} has its own name, not an overload of {@code handleRequest}: the runtime resolves the template's
 * {@code ::handleRequest} by name, and must find exactly one. Tests and in-process callers (the reliability suite, the
 * benchmarks) call it with read events.
 */
public abstract class TriggerHandler<I, O> implements RequestStreamHandler {
    private final Trigger<I> trigger;

    protected TriggerHandler(Trigger<I> trigger) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I event;
        try {
            event = trigger.read(input);
        } catch (UndecodableEventException undecodable) {
            ResponseJson.write(output, undecodable(undecodable));
            return;
        }
        ResponseJson.write(output, handle(event, context));
    }

    /** The function's work on a read event; what it returns is written as the invocation's answer. */
    public abstract O handle(I event, Context context);

    /**
     * The answer to input that is not this trigger's event. By default none: the invocation fails, and an asynchronous,
     * queue or stream trigger delivers the event again — it came from AWS, so it is not the sender's mistake to report.
     * Request/response triggers whose caller should hear why override this.
     */
    protected O undecodable(UndecodableEventException problem) throws IOException {
        throw problem;
    }
}

package io.ycbridge.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.ycbridge.config.Config;
import io.ycbridge.trigger.TriggerJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * One function's handler, made once from its class name in template.yaml through its public {@code (Config)}
 * constructor, and invoked one event at a time, as one Lambda execution environment would: handlers may keep
 * per-environment state and need not be thread-safe. The event goes in as the JSON bytes Lambda would send, and the
 * answer comes back from the bytes the handler writes, so the local stack decodes and encodes as the deployed one does.
 */
final class LocalFunction<I, O> {
    private final String name;
    private final int timeoutSeconds;
    private final BiFunction<I, Context, O> handler;
    private final ReentrantLock environment = new ReentrantLock();

    private LocalFunction(String name, int timeoutSeconds, BiFunction<I, Context, O> handler) {
        this.name = name;
        this.timeoutSeconds = timeoutSeconds;
        this.handler = handler;
    }

    static <I, O> LocalFunction<I, O> of(String name, int timeoutSeconds, RequestStreamHandler handler, Class<O> responseType) {
        return new LocalFunction<>(name, timeoutSeconds, (event, context) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(TriggerJson.toBytes(event)), out, context);
                return TriggerJson.read(out.toByteArray(), responseType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** An instance of {@code className} made with {@code new ClassName(config)}, the constructor every handler offers. */
    static <T> T instantiate(String className, Class<T> type, Config config) {
        try {
            return type.cast(Class.forName(className).getConstructor(Config.class).newInstance(config));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(className + " could not be made: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " (from template.yaml) has no public constructor taking Config", e);
        }
    }

    String name() {
        return name;
    }

    O invoke(I event) {
        environment.lock();
        try {
            return handler.apply(event, new LocalContext(name, timeoutSeconds));
        } finally {
            environment.unlock();
        }
    }
}

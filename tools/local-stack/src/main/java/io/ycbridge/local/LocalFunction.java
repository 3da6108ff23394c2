package io.ycbridge.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.config.Config;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One function's handler, made once from its class name in template.yaml through its public {@code (Config)}
 * constructor, and invoked one event at a time, as one Lambda execution environment would: handlers may keep
 * per-environment state and need not be thread-safe. The event goes in as the JSON bytes Lambda would send, and the
 * answer comes back as the JSON the handler wrote, so the local stack decodes and encodes as the deployed one does.
 */
final class LocalFunction {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final String name;
    private final int timeoutSeconds;
    private final RequestStreamHandler handler;
    private final ReentrantLock environment = new ReentrantLock();

    private LocalFunction(String name, int timeoutSeconds, RequestStreamHandler handler) {
        this.name = name;
        this.timeoutSeconds = timeoutSeconds;
        this.handler = handler;
    }

    static LocalFunction of(String name, int timeoutSeconds, RequestStreamHandler handler) {
        return new LocalFunction(name, timeoutSeconds, handler);
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

    /** The event's JSON in, the answer's JSON out; a failed invocation throws, as the runtime would report it. */
    JsonNode invoke(JsonNode event) {
        environment.lock();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, new LocalContext(name, timeoutSeconds));
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            environment.unlock();
        }
    }
}

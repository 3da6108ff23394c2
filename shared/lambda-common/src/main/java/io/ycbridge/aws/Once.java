package io.ycbridge.aws;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value made at most once, on first use, safely under concurrent first uses (the local stack is multi-threaded).
 * For what a cold start should not pay for unless the request needs it: an SDK client, an HTTP client.
 */
public final class Once<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    public Once(Supplier<T> factory) {
        this.factory = java.util.Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = factory.get();
                }
                current = value;
            }
        }
        return current;
    }

    /** Runs {@code action} on the value if it was ever made; never makes it. */
    public void ifPresent(Consumer<T> action) {
        T current = value;
        if (current != null) {
            action.accept(current);
        }
    }
}

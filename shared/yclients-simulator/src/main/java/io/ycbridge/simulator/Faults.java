package io.ycbridge.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults armed for coming requests: one-shot ones, taken in the order they were armed, and standing ones that
 * hit every matching request. A one-shot fault that matches wins over a standing one. Either kind can be scoped
 * to a path prefix relative to {@code /api/v1}, matched on whole segments ({@code /records} matches
 * {@code /records/235564} but not {@code /records_x}).
 */
public final class Faults {
    private final Object lock = new Object();
    private final List<Armed> oneShot = new ArrayList<>();
    private final List<Armed> standing = new ArrayList<>();

    Faults() {
    }

    /** The next matching request gets this fault. */
    public Faults next(Fault fault) {
        return next(1, fault);
    }

    /** The next {@code times} matching requests get this fault. */
    public Faults next(int times, Fault fault) {
        arm(null, times, fault);
        return this;
    }

    /** Every matching request gets this fault until {@link #clear()}. */
    public Faults always(Fault fault) {
        armStanding(null, fault);
        return this;
    }

    /** Faults for requests whose path (after {@code /api/v1}) starts with this prefix. */
    public ScopedFaults on(String pathPrefix) {
        return new ScopedFaults(this, normalise(pathPrefix));
    }

    public void clear() {
        synchronized (lock) {
            oneShot.clear();
            standing.clear();
        }
    }

    /** How many one-shot hits are still armed. */
    public int pending() {
        synchronized (lock) {
            return oneShot.stream().mapToInt(armed -> armed.remaining).sum();
        }
    }

    void arm(String prefix, int times, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        synchronized (lock) {
            oneShot.add(new Armed(prefix, fault, times));
        }
    }

    void armStanding(String prefix, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (lock) {
            standing.add(new Armed(prefix, fault, 0));
        }
    }

    /** The fault this request meets, using up a one-shot hit if that is what it meets. */
    Optional<Fault> take(RecordedRequest request) {
        synchronized (lock) {
            for (Iterator<Armed> it = oneShot.iterator(); it.hasNext(); ) {
                Armed armed = it.next();
                if (armed.matches(request)) {
                    if (--armed.remaining == 0) {
                        it.remove();
                    }
                    return Optional.of(armed.fault);
                }
            }
            for (Armed armed : standing) {
                if (armed.matches(request)) {
                    return Optional.of(armed.fault);
                }
            }
            return Optional.empty();
        }
    }

    private static String normalise(String prefix) {
        Objects.requireNonNull(prefix, "pathPrefix");
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static final class Armed {
        private final String prefix;
        private final Fault fault;
        private int remaining;

        private Armed(String prefix, Fault fault, int remaining) {
            this.prefix = prefix;
            this.fault = fault;
            this.remaining = remaining;
        }

        private boolean matches(RecordedRequest request) {
            return underPrefix(request.path()) && fault.appliesTo(request);
        }

        private boolean underPrefix(String path) {
            return prefix == null || prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }
}

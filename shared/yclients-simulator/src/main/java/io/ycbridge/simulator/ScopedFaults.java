package io.ycbridge.simulator;

/** Faults limited to one path prefix; see {@link Faults#on(String)}. */
public final class ScopedFaults {
    private final Faults faults;
    private final String prefix;

    ScopedFaults(Faults faults, String prefix) {
        this.faults = faults;
        this.prefix = prefix;
    }

    public ScopedFaults next(Fault fault) {
        return next(1, fault);
    }

    public ScopedFaults next(int times, Fault fault) {
        faults.arm(prefix, times, fault);
        return this;
    }

    public ScopedFaults always(Fault fault) {
        faults.armStanding(prefix, fault);
        return this;
    }

    public String prefix() {
        return prefix;
    }
}

package io.ycbridge.bench;

import java.util.Arrays;
import java.util.Locale;

/** Nanosecond samples of one contestant, summarised as the median and the 90th percentile (or any quantile), in µs. */
final class Samples {
    private final String name;
    private final long[] nanos;
    private int size;

    Samples(String name, int capacity) {
        this.name = name;
        this.nanos = new long[capacity];
    }

    void add(long elapsedNanos) {
        nanos[size++] = elapsedNanos;
    }

    String name() {
        return name;
    }

    double medianMicros() {
        return percentile(0.5);
    }

    double p90Micros() {
        return percentile(0.9);
    }

    /** The {@code q} quantile (0.99: the 99th percentile), nearest rank. */
    double percentile(double q) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return sorted[Math.min(size - 1, (int) Math.floor(q * size))] / 1_000.0;
    }

    /** One table row: this contestant against the baseline, ratio of medians. */
    String row(Samples baseline) {
        return String.format(Locale.ROOT, "| %-44s | %10.1f | %10.1f | %6.2f× |", name, medianMicros(), p90Micros(),
                medianMicros() / baseline.medianMicros());
    }

    static String header() {
        return "| contestant                                   | median µs  | p90 µs     | ratio   |\n"
                + "|----------------------------------------------|------------|------------|---------|";
    }
}

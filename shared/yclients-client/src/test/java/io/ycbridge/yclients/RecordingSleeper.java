package io.ycbridge.yclients;

import io.ycbridge.simulator.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sleeps by moving the clock instead of waiting, and remembers every sleep: retries and rate limits in no time. */
final class RecordingSleeper implements Sleeper {
    private final MovableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    RecordingSleeper(MovableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}

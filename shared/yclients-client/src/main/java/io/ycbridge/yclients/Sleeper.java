package io.ycbridge.yclients;

import java.time.Duration;

/** Waiting, made injectable so tests of retries and rate limits never really sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}

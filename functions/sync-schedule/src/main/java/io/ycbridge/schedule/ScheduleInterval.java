package io.ycbridge.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often the sync schedule fires, read from its EventBridge Scheduler expression ({@code SyncSchedule}):
 * {@code rate(N minute|minutes|hour|hours|day|days)} fires every N units. A {@code cron(...)} or {@code at(...)}
 * expression has no fixed interval to read without evaluating it, so it counts as {@link #CRON_FALLBACK}, one day:
 * a cron sync that runs more often is then judged stale late, never early, and one that runs less often than daily
 * is not a sync anyone could call current.
 *
 * @param interval the time between two ticks
 * @param exact    whether the expression states it (a rate) or it is the fallback
 */
public record ScheduleInterval(Duration interval, boolean exact) {
    public static final Duration CRON_FALLBACK = Duration.ofDays(1);
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minutes?|hours?|days?)\\)");
    private static final Pattern OTHER = Pattern.compile("(cron|at)\\(.+\\)");

    public ScheduleInterval {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("a schedule interval is positive, was " + interval);
        }
    }

    /** @throws IllegalArgumentException for anything that is no rate, cron or at expression */
    public static ScheduleInterval of(String expression) {
        String text = expression == null ? "" : expression.strip().toLowerCase(Locale.ROOT);
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            Duration unit = switch (rate.group(2)) {
                case "minute", "minutes" -> Duration.ofMinutes(1);
                case "hour", "hours" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new ScheduleInterval(unit.multipliedBy(amount), true);
        }
        if (OTHER.matcher(text).matches()) {
            return new ScheduleInterval(CRON_FALLBACK, false);
        }
        throw new IllegalArgumentException("not an EventBridge schedule expression: rate(N minutes|hours|days), cron(...) or at(...)");
    }
}

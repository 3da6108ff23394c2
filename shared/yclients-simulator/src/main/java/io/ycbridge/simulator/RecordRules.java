package io.ycbridge.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a company lets the user who booked a record do with it, as "Записи пользователя" writes it in the record's
 * company object: cancel it ({@code allow_delete_record}), move it ({@code allow_change_record}), each up to a delay
 * before the visit's start ({@code allow_delete_record_delay_step}, {@code allow_change_record_delay_step}, written
 * in seconds). The reference says only "Время, через которое можно удалять/переносить запись"; the simulator reads
 * the step as the time before the start from which the user may no longer do it, so with 0 the window closes at the
 * start itself. Set per company with {@link BookingForms#recordRules(long, RecordRules)}.
 */
public record RecordRules(boolean allowDelete, Duration deleteDelay, boolean allowChange, Duration changeDelay) {

    /** Every company's rules until told otherwise: both allowed until the start, as the reference's example has them. */
    public static final RecordRules ALLOW_ALL = new RecordRules(true, Duration.ZERO, true, Duration.ZERO);

    public RecordRules {
        deleteDelay = nonNegative(deleteDelay, "deleteDelay");
        changeDelay = nonNegative(changeDelay, "changeDelay");
    }

    /** The cancel window is open: allowed, and {@code now} is still before the start less the delay. */
    boolean cancelOpen(Instant start, Instant now) {
        return allowDelete && now.isBefore(start.minus(deleteDelay));
    }

    boolean moveOpen(Instant start, Instant now) {
        return allowChange && now.isBefore(start.minus(changeDelay));
    }

    private static Duration nonNegative(Duration delay, String name) {
        Objects.requireNonNull(delay, name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + delay);
        }
        return delay;
    }
}

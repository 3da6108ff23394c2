package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * What the company lets the user who booked a record do with it, read from the record's {@code company} object in
 * "Записи пользователя": whether they may cancel it ({@code allow_delete_record}) or move it
 * ({@code allow_change_record}), and the delay steps of each.
 *
 * <p>The delay steps are our reading: the reference says only "Время, через которое можно удалять/переносить запись".
 * We read them as seconds before the visit's start from which the user may no longer cancel / move it, so a step of
 * 10800 closes the window three hours before the start; live answers carry such whole hours in seconds (10800, 18000),
 * and the reference's example 0. With 0 the window closes at the start itself.
 *
 * <p>A flag or step that did not come is unknown and counts as allowed (delay 0): these methods only spare the user a
 * request that will surely be refused; the API still decides, and its refusal is a
 * {@link io.ycbridge.yclients.BookingChangeRefusedException}.
 */
public record RecordRules(
        @JsonProperty("allow_delete_record") Boolean allowDelete,
        @JsonProperty("allow_change_record") Boolean allowChange,
        @JsonProperty("allow_delete_record_delay_step") Integer deleteDelayStep,
        @JsonProperty("allow_change_record_delay_step") Integer changeDelayStep) {

    /** The record came without its company: nothing known, everything left to the API. */
    public static final RecordRules UNKNOWN = new RecordRules(null, null, null, null);

    /** How long before the start cancelling closes. */
    public Duration deleteDelay() {
        return seconds(deleteDelayStep);
    }

    /** How long before the start moving closes. */
    public Duration changeDelay() {
        return seconds(changeDelayStep);
    }

    /** Whether the user may still cancel a visit that starts at {@code start}. */
    public boolean mayCancel(Instant start, Instant now) {
        return open(allowDelete, deleteDelay(), start, now);
    }

    /** Whether the user may still move a visit that starts at {@code start}. */
    public boolean mayMove(Instant start, Instant now) {
        return open(allowChange, changeDelay(), start, now);
    }

    private static boolean open(Boolean allowed, Duration delay, Instant start, Instant now) {
        return !Boolean.FALSE.equals(allowed) && now.isBefore(start.minus(delay));
    }

    private static Duration seconds(Integer step) {
        // A negative step is no window at all rather than one that opens after the start.
        return step == null || step < 0 ? Duration.ZERO : Duration.ofSeconds(step);
    }
}

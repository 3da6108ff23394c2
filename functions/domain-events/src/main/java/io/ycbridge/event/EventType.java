package io.ycbridge.event;

/**
 * What happened, as the app is told it: the {@code detail-type} of the EventBridge event and the name of its JSON Schema
 * in {@code schemas/events/}.
 */
public enum EventType {
    VISIT_BOOKED("VisitBooked"),
    VISIT_RESCHEDULED("VisitRescheduled"),
    VISIT_CANCELLED("VisitCancelled"),
    VISIT_COMPLETED("VisitCompleted"),
    BONUS_ACCRUED("BonusAccrued"),
    BONUS_REVERSED("BonusReversed"),
    BONUS_REDEEMED("BonusRedeemed"),
    BONUS_EXPIRING("BonusExpiring");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** {@code VisitBooked}: the detail-type and the detail's {@code type}. */
    public String wire() {
        return wire;
    }

    /** The type a detail-type names; empty for one that is not ours. */
    public static java.util.Optional<EventType> ofWire(String wire) {
        for (EventType type : values()) {
            if (type.wire.equals(wire)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code visit-booked}: the part of an event id that names the type. */
    String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

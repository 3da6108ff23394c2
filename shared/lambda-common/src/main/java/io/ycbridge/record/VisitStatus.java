package io.ycbridge.record;


/** A visit's state as the app shows it, from YClients' attendance (2 confirmed, 1 came, 0 waiting, -1 did not come). */
public enum VisitStatus {
    BOOKED("booked"),
    CONFIRMED("confirmed"),
    ARRIVED("arrived"),
    NO_SHOW("no-show"),
    CANCELLED("cancelled");

    private final String wire;

    VisitStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static VisitStatus of(StoredRecord record) {
        if (record.deleted()) {
            return CANCELLED;
        }
        return switch (record.attendance()) {
            case 1 -> ARRIVED;
            case -1 -> NO_SHOW;
            case 2 -> CONFIRMED;
            default -> BOOKED;
        };
    }
}

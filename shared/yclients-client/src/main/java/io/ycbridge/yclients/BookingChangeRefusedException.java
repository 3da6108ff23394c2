package io.ycbridge.yclients;

/**
 * 403 on a booking user's cancel or move ({@link YClientsClient#cancelUserRecord}, {@link YClientsClient#rescheduleBooking}):
 * the company's rules for records do not let its user do that, or no longer, this close to the visit. The rules are in
 * the record's {@code company} object ({@link io.ycbridge.yclients.model.UserRecord#rules()}). Not a fault of the
 * tokens, and not transient: repeating will not help, the salon still can.
 */
public final class BookingChangeRefusedException extends YClientsException {
    public BookingChangeRefusedException(int status, String apiMessage, String method, String path) {
        super(status, apiMessage, method, path,
                "the company's online-booking rules (allow_delete_record / allow_change_record and their delay steps) refuse "
                        + "this change by the booking's user now: tell the user to contact the salon, whose staff can still change the record");
    }
}

package io.ycbridge.yclients.model;

/** The client of a record. {@code phone} arrives as a number, "+79990000000" or "+7 999 123-45-67". */
public record RecordClient(Long id, String name, String phone, String email) {

    @Override
    public String toString() {
        // Personal data stays out of logs and exception messages.
        return "RecordClient[id=" + id + "]";
    }
}

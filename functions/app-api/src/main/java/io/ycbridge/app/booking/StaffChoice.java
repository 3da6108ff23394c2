package io.ycbridge.app.booking;

/** The master to preselect: one by id, or "any master" (the form's {@code m-1}). */
public record StaffChoice(long id) {
    public static final StaffChoice ANY = new StaffChoice(-1);

    public StaffChoice {
        if (id <= 0 && id != -1) {
            throw new IllegalArgumentException("a staff id is positive (or -1 for any master)");
        }
    }

    public static StaffChoice of(long id) {
        return new StaffChoice(id);
    }

    public boolean any() {
        return id == -1;
    }
}

package io.ycbridge.yclients.model;

/** A company's client, as client search returns it. */
public record Client(long id, String name, String phone, String email) {

    @Override
    public String toString() {
        return "Client[id=" + id + "]";
    }
}

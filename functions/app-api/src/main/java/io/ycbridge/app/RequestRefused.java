package io.ycbridge.app;

/** A request we answer with a 4xx and a reason the app can show or log; never carries personal data. */
public final class RequestRefused extends RuntimeException {
    private final int status;

    public RequestRefused(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

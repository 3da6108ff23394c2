package io.ycbridge.yclients;

/** No usable answer arrived: connection refused, reset, or timed out. */
public final class TransportException extends YClientsException {
    public TransportException(String method, String path, Throwable cause) {
        super(0, null, method, path, "no answer from the API (" + cause.getClass().getSimpleName()
                + "); check the network and the base URL", cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}

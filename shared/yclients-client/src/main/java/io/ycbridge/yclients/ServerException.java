package io.ycbridge.yclients;

/** 5xx: YClients failed; safe requests were already retried within the retry policy. */
public final class ServerException extends YClientsException {
    public ServerException(int status, String apiMessage, String method, String path) {
        super(status, apiMessage, method, path, "YClients is failing; the request can be repeated later");
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}

package io.ycbridge.yclients;

/** 403: the user token is valid but has no management rights on this company. */
public final class PermissionException extends YClientsException {
    public PermissionException(int status, String apiMessage, String method, String path) {
        super(status, apiMessage, method, path,
                "the YClients user behind userToken has no rights on this company: in YClients open Settings → Users, "
                        + "give that user access to the company (records, clients, online booking), then obtain a new user token");
    }

    /** A 403 where one right beyond the company's is needed; the advice names it. */
    PermissionException(int status, String apiMessage, String method, String path, String advice) {
        super(status, apiMessage, method, path, advice);
    }
}

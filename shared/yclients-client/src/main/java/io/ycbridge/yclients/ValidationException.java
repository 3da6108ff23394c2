package io.ycbridge.yclients;

/** 422 (and the booking codes 431–438): the API refused the request's content. */
public final class ValidationException extends YClientsException {
    public ValidationException(int status, String apiMessage, String method, String path) {
        super(status, apiMessage, method, path, "the API refused the request's data; the message above says which field");
    }
}

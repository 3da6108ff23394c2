package io.ycbridge.yclients;

/** 404: the company, record or path does not exist (the API often says only "Не найдено"). */
public final class NotFoundException extends YClientsException {
    public NotFoundException(int status, String apiMessage, String method, String path) {
        super(status, apiMessage, method, path,
                "check the company id (YClients → Overview → Summary shows it) and that the base URL ends in /api/v1");
    }
}

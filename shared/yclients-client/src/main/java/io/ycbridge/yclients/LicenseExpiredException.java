package io.ycbridge.yclients;

/**
 * 402 or 403 "Необходимо продлить лицензию…": the company's YClients licence has lapsed. Not a missing right, so no token
 * or user setting fixes it, and sending the operator to Settings → Users would waste their time: the owner renews the
 * licence, and the API answers again as soon as it is paid.
 */
public final class LicenseExpiredException extends YClientsException {
    public LicenseExpiredException(int status, String apiMessage, String method, String path) {
        super(status, apiMessage, method, path,
                "the company's YClients licence has lapsed: its owner renews it in YClients (Settings → Billing, Настройки → "
                        + "Оплата); the integration works again once it is paid, and no token or user right needs to change");
    }
}

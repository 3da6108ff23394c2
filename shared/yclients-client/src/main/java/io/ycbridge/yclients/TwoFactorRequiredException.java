package io.ycbridge.yclients;

/** {@code POST /auth} answered with a two-factor challenge instead of a user token. */
public final class TwoFactorRequiredException extends YClientsException {
    public TwoFactorRequiredException(String method, String path) {
        super(200, null, method, path, "this YClients user has two-factor confirmation on, so a token cannot be "
                + "obtained unattended: put a userToken in the secret instead of login and password");
    }
}

package io.ycbridge.yclients;

/** 401: the partner token or the user token is missing, unknown or expired. */
public final class AuthenticationException extends YClientsException {
    private final Credential credential;

    public AuthenticationException(int status, String apiMessage, String method, String path, Credential credential) {
        super(status, apiMessage, method, path, credential.fix);
        this.credential = credential;
    }

    /** Which credential the API refused, as far as its answer tells. */
    public Credential credential() {
        return credential;
    }

    public enum Credential {
        PARTNER_TOKEN("the partner token is missing or not recognised: set partnerToken in the secret to the API key from "
                + "the YClients Marketplace developer account (Marketplace → account settings), without spaces"),
        USER_TOKEN("the user token is missing, invalid or was reset by a password change: set userToken in the secret, "
                + "or set login and password so a new one is obtained"),
        LOGIN("the login or password was refused: check login and password in the secret");

        private final String fix;

        Credential(String fix) {
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }
}

package io.ycbridge.secret;

import io.ycbridge.yclients.Credentials;

/**
 * Obtains a YClients user token by login ({@code POST /auth} with the partner token only). Wired to
 * {@code YClientsClient#authenticate} by the function that needs it; a function that never logs in passes none.
 * May throw {@code AuthenticationException} (credential LOGIN) when the login or password is refused.
 */
@FunctionalInterface
public interface UserTokenIssuer {
    /**
     * @param partnerOnly the partner token, no user token
     * @param password    the caller clears the array after the call
     * @return the new user token
     */
    String issue(Credentials partnerOnly, String login, char[] password);
}

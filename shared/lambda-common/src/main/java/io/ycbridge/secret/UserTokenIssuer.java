package io.ycbridge.secret;

import io.ycbridge.yclients.Credentials;
import java.net.URI;

/**
 * Obtains a YClients user token by login ({@code POST /auth} with the partner token only). Wired to
 * {@code YClientsClient#authenticate} by the function that needs it; a function that never logs in passes none.
 * May throw {@code AuthenticationException} (credential LOGIN) when the login or password is refused.
 */
@FunctionalInterface
public interface UserTokenIssuer {
    /**
     * @param apiBase     the API base URL the secret names (brand or override), where the login goes
     * @param partnerOnly the partner token, no user token
     * @param password    the caller clears the array after the call
     * @return the new user token
     */
    String issue(URI apiBase, Credentials partnerOnly, String login, char[] password);
}

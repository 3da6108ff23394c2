package io.ycbridge.yclients;

/**
 * The server answered, but not as the API: an HTML page or a redirect to the public web site. Seen in the wild with a
 * wrong base URL or missing credentials, so it is reported as a configuration error rather than a parse crash.
 */
public final class ConfigurationException extends YClientsException {
    public ConfigurationException(int status, String method, String path, String whatCame) {
        super(status, null, method, path, "the API answered with " + whatCame + " instead of JSON: check the base URL "
                + "(https://api.yclients.com/api/v1 or https://api.alteg.io/api/v1) and that partnerToken is set");
    }
}

package io.ycbridge.ops;

import io.ycbridge.yclients.Credentials;
import java.util.ArrayList;
import java.util.List;

/**
 * The last line of defence before anything is printed: every credential value the tool has read is replaced by its
 * mask. The messages the tool prints are built never to contain one; this makes sure a future change cannot leak one.
 */
final class Redactor {
    private final List<String> secrets = new ArrayList<>();

    void add(String secret) {
        if (secret != null && secret.strip().length() >= 4) {
            secrets.add(secret.strip());
            if (!secret.equals(secret.strip())) {
                secrets.add(secret);
            }
        }
    }

    String apply(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, Credentials.mask(secret));
        }
        return result;
    }

    /** A webhook URL's last path segment is our webhook secret: show the host and path with that segment masked. */
    static String maskUrl(String url) {
        int slash = url.lastIndexOf('/');
        if (slash < 0 || slash >= url.length() - 1 || url.indexOf("//") == slash - 1) {
            return url;
        }
        return url.substring(0, slash + 1) + Credentials.mask(url.substring(slash + 1));
    }
}

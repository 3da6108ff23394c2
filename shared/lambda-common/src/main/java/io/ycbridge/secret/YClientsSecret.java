package io.ycbridge.secret;

import io.ycbridge.yclients.Brand;
import io.ycbridge.yclients.Credentials;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The YClients credentials and settings of one deployment, as stored in Secrets Manager (or, locally, the
 * environment). JSON shape:
 * <pre>{@code
 * {"partnerToken": "...", "userToken": "...", "login": "...", "password": "...",
 *  "brand": "yclients", "baseUrl": "https://api.yclients.com/api/v1", "companies": [235564], "webhookToken": "..."}
 * }</pre>
 * Only {@code partnerToken} is required. {@code userToken}, or {@code login} + {@code password} to obtain one, for
 * calls on a company's data. {@code brand} defaults to yclients; {@code baseUrl} overrides the brand's API URL (the
 * simulator's, locally). {@code webhookToken} is the secret path segment of the webhook URL. Nullable: userToken,
 * login, password, baseUrl, webhookToken. {@link #toString()} masks every credential.
 */
public record YClientsSecret(
        String partnerToken,
        String userToken,
        String login,
        String password,
        Brand brand,
        URI baseUrl,
        List<Long> companies,
        String webhookToken,
        PreviousWebhookToken previousWebhookToken) {

    public static final String PARTNER_TOKEN = "partnerToken";
    public static final String USER_TOKEN = "userToken";
    public static final String LOGIN = "login";
    public static final String PASSWORD = "password";
    public static final String BRAND = "brand";
    public static final String BASE_URL = "baseUrl";
    public static final String COMPANIES = "companies";
    public static final String WEBHOOK_TOKEN = "webhookToken";
    public static final String PREVIOUS_WEBHOOK_TOKEN = "previousWebhookToken";
    public static final String PREVIOUS_WEBHOOK_TOKEN_UNTIL = "previousWebhookTokenUntil";

    // A path segment of our URL: URL-safe, and long enough not to be guessed.
    private static final Pattern WEBHOOK_TOKEN_FORM = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    public YClientsSecret {
        Objects.requireNonNull(partnerToken, PARTNER_TOKEN);
        brand = brand == null ? Brand.YCLIENTS : brand;
        companies = companies == null ? List.of() : List.copyOf(companies);
    }

    /** Parses the secret's JSON; errors name the field and never quote a value. */
    public static YClientsSecret parseJson(String json, String where) {
        return from(JsonSecretFields.parse(json, where));
    }

    static YClientsSecret from(SecretFields fields) {
        String partner = fields.text(PARTNER_TOKEN).orElseThrow(() -> new SecretFormatException(fields.nameOf(PARTNER_TOKEN),
                fields.where() + " has no " + fields.nameOf(PARTNER_TOKEN) + fields.nearMiss(PARTNER_TOKEN)
                        + ": set it to the partner token (API key) of the YClients Marketplace developer account"));
        checkToken(fields, PARTNER_TOKEN, partner);
        String user = fields.text(USER_TOKEN).orElse(null);
        if (user != null) {
            checkToken(fields, USER_TOKEN, user);
        }
        String login = fields.text(LOGIN).orElse(null);
        String password = fields.text(PASSWORD).orElse(null);
        if ((login == null) != (password == null)) {
            String missing = login == null ? LOGIN : PASSWORD;
            throw new SecretFormatException(fields.nameOf(missing), fields.where() + " has " + fields.nameOf(login == null ? PASSWORD : LOGIN)
                    + " but no " + fields.nameOf(missing) + ": set both to obtain a user token by login, or neither");
        }
        Brand brand = fields.text(BRAND).map(text -> {
            try {
                return Brand.parse(text);
            } catch (IllegalArgumentException e) {
                throw new SecretFormatException(fields.nameOf(BRAND), fields.where() + ": " + fields.nameOf(BRAND)
                        + " must be yclients or altegio");
            }
        }).orElse(Brand.YCLIENTS);
        URI baseUrl = fields.text(BASE_URL).map(text -> {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                throw new SecretFormatException(fields.nameOf(BASE_URL), fields.where() + ": " + fields.nameOf(BASE_URL)
                        + " must be an absolute http(s) URL such as https://api.yclients.com/api/v1");
            }
        }).orElse(null);
        List<Long> companies = fields.ids(COMPANIES).orElse(List.of());
        String webhookToken = fields.text(WEBHOOK_TOKEN).orElse(null);
        if (webhookToken != null && !WEBHOOK_TOKEN_FORM.matcher(webhookToken).matches()) {
            throw new SecretFormatException(fields.nameOf(WEBHOOK_TOKEN), fields.where() + ": " + fields.nameOf(WEBHOOK_TOKEN)
                    + " must be 16 to 256 characters of A-Z, a-z, 0-9, '-' and '_' (it is a URL path segment); "
                    + "generate one with: openssl rand -hex 24");
        }
        return new YClientsSecret(partner, user, login, password, brand, baseUrl, companies, webhookToken, previousWebhookToken(fields));
    }

    /** The same credentials, without a token from before a rotation: what a secret written before rotations reads as. */
    public YClientsSecret(String partnerToken, String userToken, String login, String password, Brand brand, URI baseUrl,
            List<Long> companies, String webhookToken) {
        this(partnerToken, userToken, login, password, brand, baseUrl, companies, webhookToken, null);
    }

    /**
     * The webhook token a rotation replaced, still accepted until the instant beside it, so deliveries YClients sent
     * to the old URL (before it took the new one, or retried) are not lost. Both fields or neither.
     */
    public record PreviousWebhookToken(String token, Instant until) {
        public PreviousWebhookToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(until, "until");
        }
    }

    private static PreviousWebhookToken previousWebhookToken(SecretFields fields) {
        Optional<String> token = fields.text(PREVIOUS_WEBHOOK_TOKEN);
        Optional<String> until = fields.text(PREVIOUS_WEBHOOK_TOKEN_UNTIL);
        if (token.isEmpty() && until.isEmpty()) {
            return null;
        }
        if (token.isEmpty() || until.isEmpty()) {
            throw new SecretFormatException(fields.nameOf(token.isEmpty() ? PREVIOUS_WEBHOOK_TOKEN : PREVIOUS_WEBHOOK_TOKEN_UNTIL), fields.where()
                    + ": " + PREVIOUS_WEBHOOK_TOKEN + " and " + PREVIOUS_WEBHOOK_TOKEN_UNTIL + " go together (ops rotate-webhook-token writes both)");
        }
        try {
            return new PreviousWebhookToken(token.get(), Instant.parse(until.get()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new SecretFormatException(fields.nameOf(PREVIOUS_WEBHOOK_TOKEN_UNTIL), fields.where() + ": " + PREVIOUS_WEBHOOK_TOKEN_UNTIL
                    + " must be an ISO-8601 instant such as 2026-12-02T10:00:00Z");
        }
    }

    /** Partner token plus the user token when the secret has one. */
    public Credentials credentials() {
        return new Credentials(partnerToken, userToken);
    }

    public boolean hasLogin() {
        return login != null && password != null;
    }

    /** A fresh copy for the issuer; the caller clears it. */
    char[] passwordChars() {
        return password == null ? new char[0] : password.toCharArray();
    }

    /** The API base URL: the override, else the brand's. */
    public URI apiBaseUrl() {
        return baseUrl != null ? baseUrl : brand.apiBase();
    }

    public Optional<String> webhookTokenIfAny() {
        return Optional.ofNullable(webhookToken);
    }

    /** The tokens a delivery may carry at {@code now}: the current one, and the previous one within its grace period. */
    public List<String> acceptedWebhookTokens(Instant now) {
        List<String> accepted = new java.util.ArrayList<>(2);
        if (webhookToken != null) {
            accepted.add(webhookToken);
        }
        if (previousWebhookToken != null && now.isBefore(previousWebhookToken.until())) {
            accepted.add(previousWebhookToken.token());
        }
        return List.copyOf(accepted);
    }

    /** Whether a user token obtained with {@code other}'s login would still belong to this secret. */
    boolean sameLogin(YClientsSecret other) {
        return other != null && partnerToken.equals(other.partnerToken) && Objects.equals(login, other.login)
                && Objects.equals(password, other.password);
    }

    private static void checkToken(SecretFields fields, String key, String token) {
        try {
            new Credentials(token, null);
        } catch (IllegalArgumentException e) {
            // Credentials' messages give a position, never the token.
            throw new SecretFormatException(fields.nameOf(key), fields.where() + ": " + fields.nameOf(key) + " is malformed: "
                    + e.getMessage().replace("partnerToken", fields.nameOf(key)));
        }
    }

    @Override
    public String toString() {
        return "YClientsSecret[partnerToken=" + Credentials.mask(partnerToken)
                + ", userToken=" + Credentials.mask(userToken)
                + ", login=" + (login == null ? "none" : "set")
                + ", password=" + (password == null ? "none" : "****")
                + ", brand=" + brand
                + ", baseUrl=" + baseUrl
                + ", companies=" + companies
                + ", webhookToken=" + (webhookToken == null ? "none" : "****")
                + ", previousWebhookToken=" + (previousWebhookToken == null ? "none" : "**** until " + previousWebhookToken.until()) + "]";
    }
}

package io.ycbridge.ops;

import io.ycbridge.config.ConfigException;
import io.ycbridge.config.EnvVar;
import io.ycbridge.loyalty.LoyaltyProgramme;
import io.ycbridge.loyalty.LoyaltySettings;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.secret.SecretFormatException;
import io.ycbridge.secret.SecretSource;
import io.ycbridge.secret.SecretUnavailableException;
import io.ycbridge.secret.YClientsSecret;
import io.ycbridge.yclients.AuthenticationException;
import io.ycbridge.yclients.ConfigurationException;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.NotFoundException;
import io.ycbridge.yclients.LicenseExpiredException;
import io.ycbridge.yclients.PermissionException;
import io.ycbridge.yclients.RetryPolicy;
import io.ycbridge.yclients.TransportException;
import io.ycbridge.yclients.TwoFactorRequiredException;
import io.ycbridge.yclients.YClientsClient;
import io.ycbridge.yclients.YClientsException;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.HookSettings;
import io.ycbridge.yclients.model.LoyaltyCardType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checklist: reads the configuration exactly as the functions do and asks YClients, the booking-form host and
 * (when given) our webhook URL whether it works, in the order a failure blocks the next step. Each failure names the
 * setting to change in the user's terms: the YClients settings page, or the key in the secret / the .env file.
 */
final class Doctor {
    /** The made-up record of the test delivery: no client, deleted, so it never earns a bonus nor shows in the app. */
    static final long PROBE_RECORD_ID = 999_999_999_999L;
    /** The made-up phone of the test card lookup: a number no client has; never shown, as no phone is. */
    static final String PROBE_PHONE = "70000000000";

    private final OpsEnvironment env;
    private final HttpClient http;
    private final Clock clock;
    private final Redactor redactor;
    private final List<Check> checks = new ArrayList<>();
    private SecretSource source;
    private YClientsSecret secret;
    private boolean envSource;

    Doctor(OpsEnvironment env, HttpClient http, Clock clock, Redactor redactor) {
        this.env = env;
        this.http = http;
        this.clock = clock;
        this.redactor = redactor;
    }

    List<Check> run(Optional<String> webhookUrl) {
        source = env.secretSource(); // no source configured at all: a usage error, exit 2
        envSource = !source.getClass().getSimpleName().startsWith("SecretsManager");
        if (!readSecret()) {
            return checks;
        }
        List<Long> companies = env.companyIds(secret.companies());
        YClientsClient partnerOnly = client(Credentials.partnerOnly(secret.partnerToken()));
        if (!checkApi(partnerOnly, companies)) {
            skipRest("the API did not accept the partner token or did not answer as the API");
            return checks;
        }
        Optional<YClientsClient> user = checkUserToken();
        if (companies.isEmpty()) {
            String managed = user.map(this::managedCompanies).orElse("");
            checks.add(Check.fail("companies", "company ids configured",
                    "set " + key(EnvVar.COMPANY_IDS.name(), "companies") + " to the YClients company (branch) id, e.g. 235564 — the number "
                            + "after /company/ in the YClients address bar (Settings → Branch/Филиал shows it too)"
                            + (managed.isEmpty() ? "" : "; this user token manages: " + managed),
                    "neither COMPANY_IDS nor the secret's companies names a company"));
        }
        for (long companyId : companies) {
            checkCompany(partnerOnly, user, companyId, webhookUrl);
        }
        checkLoyaltyCards(user, companies);
        webhookUrl.ifPresent(url -> checkDelivery(url, companies));
        return checks;
    }

    private boolean readSecret() {
        try {
            secret = source.load();
        } catch (SecretFormatException e) {
            checks.add(Check.fail("secret", "YClients credentials readable from " + source.describe(),
                    "edit " + e.field() + " in " + source.describe() + ": paste the value again exactly as YClients shows it, "
                            + "without spaces, quotes or line breaks", e.getMessage()));
            return false;
        } catch (SecretUnavailableException e) {
            checks.add(Check.fail("secret", "YClients credentials readable from " + source.describe(),
                    envSource ? "check the path of the .env file" : "check the ARN and that your AWS credentials may call "
                            + "secretsmanager:GetSecretValue on it (and the KMS key, if it has its own)", e.getMessage()));
            return false;
        }
        redactor.add(secret.partnerToken());
        redactor.add(secret.userToken());
        redactor.add(secret.password());
        redactor.add(secret.webhookToken());
        checks.add(Check.ok("secret", "YClients credentials read from " + source.describe(),
                "partner token " + Credentials.mask(secret.partnerToken()) + ", user token " + Credentials.mask(secret.userToken())
                        + ", login and password " + (secret.hasLogin() ? "set" : "not set")
                        + ", brand " + secret.brand().name().toLowerCase(java.util.Locale.ROOT)));
        return true;
    }

    /** Base URL answering JSON, and the partner token accepted: one partner-only request. */
    private boolean checkApi(YClientsClient partnerOnly, List<Long> companies) {
        String base = secret.apiBaseUrl().toString();
        String apiTitle = "API at " + base + " answers JSON";
        try {
            if (companies.isEmpty()) {
                partnerOnly.companies(false);
            } else {
                partnerOnly.company(companies.getFirst());
            }
        } catch (ConfigurationException e) {
            checks.add(Check.fail("api", apiTitle, "set " + key(EnvVar.YCLIENTS_BASE_URL.name(), "baseUrl")
                    + " to https://api.yclients.com/api/v1 (Altegio: https://api.alteg.io/api/v1) or remove it to use the brand's; "
                    + "a web page instead of JSON also comes back when the partner token is not sent", e.getMessage()));
            return false;
        } catch (TransportException e) {
            checks.add(Check.fail("api", "API at " + base + " reachable", "check the host in "
                    + key(EnvVar.YCLIENTS_BASE_URL.name(), "baseUrl") + ", DNS, and that outbound HTTPS is allowed", e.getMessage()));
            return false;
        } catch (AuthenticationException e) {
            checks.add(Check.ok("api", apiTitle));
            if (e.credential() == AuthenticationException.Credential.PARTNER_TOKEN) {
                checks.add(Check.fail("partner-token", "partner token accepted",
                        "set " + key(EnvVar.YCLIENTS_PARTNER_TOKEN.name(), "partnerToken") + " to the API key (Bearer token) of "
                                + "the YClients Marketplace developer account (yclients.com/appstore/developers → account settings), "
                                + "copied without spaces; the user token cannot stand in for it", e.getMessage()));
                return false;
            }
            checks.add(Check.ok("partner-token", "partner token accepted"));
            return true;
        } catch (NotFoundException e) {
            // The company is reported below; the answer was the API's and the partner token was taken.
        } catch (YClientsException e) {
            checks.add(Check.fail("api", apiTitle, "YClients answered with an error; try again later, and if it persists "
                    + "check status.yclients.com", e.getMessage()));
            return false;
        }
        checks.add(Check.ok("api", apiTitle));
        checks.add(Check.ok("partner-token", "partner token accepted"));
        return true;
    }

    /** The user token from the secret, or one obtained by login; empty when there is none that works. */
    private Optional<YClientsClient> checkUserToken() {
        String userKey = key(EnvVar.YCLIENTS_USER_TOKEN.name(), "userToken");
        String loginKeys = key(EnvVar.YCLIENTS_LOGIN.name(), "login") + " and " + key(EnvVar.YCLIENTS_PASSWORD.name(), "password");
        if (secret.userToken() != null) {
            YClientsClient user = client(secret.credentials());
            try {
                List<Company> managed = user.companies(true);
                checks.add(Check.ok("user-token", "user token " + Credentials.mask(secret.userToken()) + " accepted",
                        "manages " + describe(managed)));
                return Optional.of(user);
            } catch (AuthenticationException e) {
                checks.add(Check.fail("user-token", "user token accepted",
                        "set " + userKey + " to a fresh user token (it changes when that YClients user changes the password), "
                                + "or remove it and set " + loginKeys + " so one is obtained", e.getMessage()));
                return Optional.empty();
            } catch (YClientsException e) {
                checks.add(Check.fail("user-token", "user token accepted", "see the message", e.getMessage()));
                return Optional.empty();
            }
        }
        if (secret.hasLogin()) {
            char[] password = secret.password().toCharArray();
            try {
                String token = client(Credentials.partnerOnly(secret.partnerToken())).authenticate(secret.login(), password).userToken();
                redactor.add(token);
                checks.add(Check.ok("user-token", "user token obtained by login and password", "token " + Credentials.mask(token)));
                return Optional.of(client(new Credentials(secret.partnerToken(), token)));
            } catch (TwoFactorRequiredException e) {
                checks.add(Check.fail("user-token", "user token obtained by login and password",
                        "this YClients user has two-factor confirmation (SMS code) on, so the functions cannot log in unattended: "
                                + "set " + userKey + " to a user token obtained once by hand, or use a YClients user without two-factor "
                                + "confirmation for the integration (YClients: Settings → Users)", e.getMessage()));
            } catch (AuthenticationException e) {
                checks.add(Check.fail("user-token", "user token obtained by login and password",
                        "check " + loginKeys + ": the login is the phone (7916…) or e-mail of the YClients user", e.getMessage()));
            } catch (YClientsException e) {
                checks.add(Check.fail("user-token", "user token obtained by login and password", "see the message", e.getMessage()));
            } finally {
                Arrays.fill(password, '\0');
            }
            return Optional.empty();
        }
        checks.add(Check.fail("user-token", "user token configured",
                "set " + userKey + " (YClients user token), or " + loginKeys + " of a YClients user with rights on the company",
                "the secret has neither a user token nor login and password"));
        return Optional.empty();
    }

    private void checkCompany(YClientsClient partnerOnly, Optional<YClientsClient> user, long companyId, Optional<String> webhookUrl) {
        String prefix = "company " + companyId + ": ";
        try {
            Company company = partnerOnly.company(companyId);
            checks.add(Check.ok("company-visible", prefix + "visible", company.title()
                    + company.zone().map(zone -> " (" + zone + ")").orElse("")));
        } catch (NotFoundException e) {
            checks.add(Check.fail("company-visible", prefix + "visible",
                    "check the id in " + key(EnvVar.COMPANY_IDS.name(), "companies") + ": it is the number after /company/ in the "
                            + "YClients address bar, not the booking form's number (n239661 is a form, not a company)"
                            + user.map(u -> "; this user token manages: " + managedCompanies(u)).orElse(""), e.getMessage()));
            return;
        } catch (YClientsException e) {
            checks.add(Check.fail("company-visible", prefix + "visible", "see the message", e.getMessage()));
            return;
        }
        if (user.isEmpty()) {
            checks.add(Check.skip("company-rights", prefix + "management rights", "needs a working user token"));
        } else {
            checkRights(user.get(), companyId, prefix);
            checkHooks(user.get(), companyId, prefix, webhookUrl);
        }
        checkBookingForm(companyId, prefix);
    }

    private void checkRights(YClientsClient user, long companyId, String prefix) {
        try {
            int services = user.services(companyId).size();
            int staff = user.staff(companyId).size();
            String found = services + " services and " + staff + " staff found";
            if (services == 0 || staff == 0) {
                checks.add(Check.warn("company-rights", prefix + "management rights", "add services and staff in YClients "
                        + "(Settings → Services, Settings → Staff) or check the company id: the app's catalog will be empty", found));
            } else {
                checks.add(Check.ok("company-rights", prefix + "management rights", found));
            }
        } catch (PermissionException e) {
            checks.add(Check.fail("company-rights", prefix + "management rights",
                    "in YClients open Settings → Users (Настройки → Пользователи), find the user whose token the integration uses, "
                            + "give it access to company " + companyId + " with rights to records, clients, services and staff, "
                            + "then obtain a new user token and put it in " + key(EnvVar.YCLIENTS_USER_TOKEN.name(), "userToken"),
                    e.getMessage()));
        } catch (LicenseExpiredException e) {
            checks.add(Check.fail("company-licence", prefix + "YClients licence",
                    "the company's YClients licence has lapsed: its owner renews it in YClients (Settings → Billing, Настройки → "
                            + "Оплата); nothing in ycbridge or its tokens needs to change, the sync resumes once it is paid", e.getMessage()));
        } catch (YClientsException e) {
            checks.add(Check.fail("company-rights", prefix + "management rights", "see the message", e.getMessage()));
        }
    }

    private void checkHooks(YClientsClient user, long companyId, String prefix, Optional<String> webhookUrl) {
        String title = prefix + "webhook registered for record events";
        String fix = "run ./ycbridge ops setup-webhook --url <the stack's WebhookUrl output>, or in YClients open Settings → "
                + "Integrations → Webhooks (Настройки → Интеграции → Webhooks), add that URL and tick the record events "
                + "(create, update, delete)";
        try {
            HookSettings hooks = user.hookSettings(companyId);
            List<String> urls = hooks.urls().stream().map(Redactor::maskUrl).toList();
            String seen = "urls " + urls + ", active " + hooks.active() + ", record events " + hooks.recordEvents();
            if (webhookUrl.isPresent()) {
                if (hooks.deliversRecordsTo(webhookUrl.get())) {
                    checks.add(Check.ok("company-webhook", title, Redactor.maskUrl(webhookUrl.get())));
                } else {
                    checks.add(Check.fail("company-webhook", title, fix.replace("<the stack's WebhookUrl output>", "'"
                            + Redactor.maskUrl(webhookUrl.get()) + "'"), seen));
                }
            } else if (!hooks.active() || !hooks.recordEvents() || hooks.urls().isEmpty()) {
                checks.add(Check.fail("company-webhook", title, (!hooks.active() && !hooks.urls().isEmpty()
                        ? "webhooks are switched off for this company: " : "") + fix, seen));
            } else {
                checks.add(Check.warn("company-webhook", title, "pass --webhook-url to check that ours is the one registered", seen));
            }
        } catch (YClientsException e) {
            checks.add(Check.fail("company-webhook", title, fix, e.getMessage()));
        }
    }

    private void checkBookingForm(long companyId, String prefix) {
        String title = prefix + "booking form";
        Map<Long, String> forms = bookingForms();
        String host = forms.get(companyId);
        String fix = "add " + companyId + ":n<form id>.yclients.com to " + EnvVar.BOOKING_FORMS.name() + " (the host of the "
                + "company's online-booking link: YClients → Online booking → Booking links / Онлайн-запись → Ссылки)";
        if (host == null) {
            checks.add(Check.fail("booking-form", title, fix, EnvVar.BOOKING_FORMS.name() + " has no form for company " + companyId));
            return;
        }
        boolean loopback = host.startsWith("127.0.0.1") || host.startsWith("localhost");
        URI page = URI.create((loopback ? "http://" : "https://") + host + "/company/" + companyId + "/personal/menu?o=");
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 400) {
                checks.add(Check.ok("booking-form", title, page + " answers HTTP " + status));
            } else {
                checks.add(Check.fail("booking-form", title, "check the form host in " + EnvVar.BOOKING_FORMS.name()
                        + ": open the booking link from YClients → Online booking and copy its host", page + " answers HTTP " + status));
            }
        } catch (IOException e) {
            checks.add(Check.fail("booking-form", title, "check the form host in " + EnvVar.BOOKING_FORMS.name()
                    + " (n<form id>.yclients.com) and the network", page + " did not answer: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<Long, String> bookingForms() {
        Map<Long, String> forms = new LinkedHashMap<>();
        env.config().optional(EnvVar.BOOKING_FORMS).ifPresent(text -> {
            for (String pair : text.split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    try {
                        forms.put(Long.parseLong(pair.substring(0, colon).strip()), pair.substring(colon + 1).strip());
                    } catch (NumberFormatException ignored) {
                        // reported as "no form" for the company
                    }
                }
            }
        });
        return forms;
    }

    /** Sends a record event for a made-up record, in the body shape YClients sends, and looks for it in the records table. */
    private void checkDelivery(String url, List<Long> companies) {
        String title = "test delivery to " + Redactor.maskUrl(url);
        if (companies.isEmpty()) {
            checks.add(Check.skip("webhook-delivery", title, "needs a configured company"));
            return;
        }
        long companyId = companies.getFirst();
        Instant version = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = WebhookProbe.body(companyId, PROBE_RECORD_ID, version);
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").header("User-Agent", "ycbridge-doctor")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            checks.add(Check.fail("webhook-delivery", title, "check the URL (the stack's WebhookUrl output) and that the API is "
                    + "deployed", "no answer: " + e.getClass().getSimpleName()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (status < 200 || status >= 300) {
            String fix = switch (status) {
                case 401, 403 -> "the last segment of the URL must equal " + key(EnvVar.YCLIENTS_WEBHOOK_TOKEN.name(), "webhookToken")
                        + " (status 403 also means company " + companyId + " is not in the function's COMPANY_IDS)";
                case 404 -> "wrong path: use the stack's WebhookUrl output (…/v1/yclients/webhook/<webhookToken>)";
                default -> "the function could not store the event: see WebhookIntakeFunction's log group";
            };
            checks.add(Check.fail("webhook-delivery", title, fix, "answered HTTP " + status));
            return;
        }
        Optional<String> table = env.config().optional(EnvVar.RECORDS_TABLE);
        if (table.isEmpty()) {
            checks.add(Check.warn("webhook-delivery", title, "set RECORDS_TABLE (and AWS_REGION) to also check that it was stored",
                    "answered HTTP " + status + "; storage not checked"));
            return;
        }
        Optional<StoredRecord> stored = new RecordStore(env.aws().dynamoDb(), table.get()).get(companyId, PROBE_RECORD_ID);
        if (stored.isPresent() && !stored.get().changedAt().isBefore(version)) {
            checks.add(Check.ok("webhook-delivery", title, "answered HTTP " + status + "; record " + PROBE_RECORD_ID + " of company "
                    + companyId + " stored in " + table.get() + " at version " + version + " (a deleted test record: no client, no bonus)"));
        } else {
            checks.add(Check.fail("webhook-delivery", title, "the URL answered but did not write to " + table.get()
                    + ": check that it is this stack's WebhookUrl and RECORDS_TABLE names this stack's table",
                    "answered HTTP " + status + "; record " + PROBE_RECORD_ID + " not found at version " + version));
        }
    }

    /**
     * With LOYALTY_CARDS set, per company with cards: its card type is one of its chain's, and the chain's cards can be
     * looked up by phone, which the mirror does first for every user. The manual transaction itself cannot be tried
     * without moving a client's balance: its right is named in the fix of a refused lookup.
     */
    private void checkLoyaltyCards(Optional<YClientsClient> user, List<Long> companies) {
        if (env.config().optional(EnvVar.LOYALTY_CARDS).orElse("").isBlank()) {
            return;
        }
        LoyaltySettings settings;
        try {
            settings = LoyaltySettings.from(env.config());
        } catch (ConfigException e) {
            checks.add(Check.fail("loyalty-cards", "loyalty cards configured", "set " + loyaltyKey() + " to company:chain:cardType "
                    + "comma-separated, e.g. 235564:145071:10992 (chain: the YClients network id; cardType: the card type to issue)",
                    e.getMessage()));
            return;
        }
        for (LoyaltyProgramme programme : settings.all()) {
            if (!companies.contains(programme.companyId())) {
                // Not fatal for the cards of the others; but this company's records are not synced, so its visits earn nothing.
                checks.add(Check.warn("loyalty-company-" + programme.companyId(), "company " + programme.companyId() + ": loyalty cards",
                        "add " + programme.companyId() + " to " + key(EnvVar.COMPANY_IDS.name(), "companies") + ", or take it out of "
                                + loyaltyKey() + ": its visits are not synced, so they earn no bonus for the cards",
                        loyaltyKey() + " names company " + programme.companyId() + ", the configured companies do not"));
            }
        }
        if (user.isEmpty()) {
            checks.add(Check.warn("loyalty-cards", "loyalty cards", "fix the user token above, then run the doctor again",
                    "the loyalty checks need the user token: card types and cards are read with it"));
            return;
        }
        for (LoyaltyProgramme programme : settings.all()) {
            checkCardType(user.get(), programme);
            checkCardLookup(user.get(), programme);
        }
    }

    private void checkCardType(YClientsClient user, LoyaltyProgramme programme) {
        long companyId = programme.companyId();
        String id = "loyalty-card-type-" + companyId;
        String title = "company " + companyId + ": loyalty card type " + programme.cardTypeId();
        try {
            List<LoyaltyCardType> types = user.loyaltyCardTypes(companyId);
            Optional<LoyaltyCardType> type = types.stream().filter(t -> t.id() == programme.cardTypeId()).findFirst();
            if (type.isEmpty()) {
                checks.add(Check.fail(id, title, "set the card type in " + loyaltyKey() + " to one of the company's chain, or create it in "
                                + "YClients (Loyalty → Card types, Лояльность → Типы карт) in chain " + programme.chainId(),
                        types.isEmpty() ? "the company's chain has no card types (or the company is in no chain)"
                                : "the company's chain has: " + types.stream().map(t -> t.id() + " (" + t.title() + ")").collect(Collectors.joining(", "))));
            } else if (type.get().salonGroupId() != 0 && type.get().salonGroupId() != programme.chainId()) {
                // 0: the answer did not say the chain; the lookup below tells whether the chain is right.
                checks.add(Check.fail(id, title, "set the chain of company " + companyId + " in " + loyaltyKey() + " to "
                        + type.get().salonGroupId(), "the type is of chain " + type.get().salonGroupId() + ", " + loyaltyKey()
                        + " says " + programme.chainId()));
            } else {
                checks.add(Check.ok(id, title, type.get().title() + ", of chain " + programme.chainId()));
            }
        } catch (PermissionException e) {
            checks.add(Check.fail(id, title, loyaltyRightsFix(programme), e.getMessage()));
        } catch (AuthenticationException e) {
            checks.add(Check.fail(id, title, loyaltyUserTokenFix(), e.getMessage()));
        } catch (YClientsException e) {
            checks.add(Check.fail(id, title, "see the message", e.getMessage()));
        }
    }

    /** A lookup for a phone no client has: any answer, even none, shows that the mirror may read the chain's cards. */
    private void checkCardLookup(YClientsClient user, LoyaltyProgramme programme) {
        long companyId = programme.companyId();
        String id = "loyalty-card-lookup-" + companyId;
        String title = "company " + companyId + ": cards of chain " + programme.chainId() + " can be looked up";
        try {
            int found = user.loyaltyCards(PROBE_PHONE, programme.chainId(), companyId).size();
            checks.add(Check.ok(id, title, "a test lookup for a made-up phone answered (" + found + " card" + (found == 1 ? "" : "s") + ")"));
        } catch (PermissionException e) {
            checks.add(Check.fail(id, title, loyaltyRightsFix(programme), withoutProbePhone(e)));
        } catch (AuthenticationException e) {
            checks.add(Check.fail(id, title, loyaltyUserTokenFix(), withoutProbePhone(e)));
        } catch (NotFoundException e) {
            checks.add(Check.fail(id, title, "set the chain of company " + companyId + " in " + loyaltyKey() + " to its YClients network "
                    + "(salon group) id: YClients does not know chain " + programme.chainId(), withoutProbePhone(e)));
        } catch (YClientsException e) {
            checks.add(Check.fail(id, title, "see the message", withoutProbePhone(e)));
        }
    }

    private String loyaltyRightsFix(LoyaltyProgramme programme) {
        return "in YClients open Settings → Users (Настройки → Пользователи), find the user whose token the integration uses and give "
                + "it the right \"loyalty cards: manual top-up and deduction\" (loyalty_cards_manual_transactions_access) and "
                + "management rights in every company of chain " + programme.chainId();
    }

    private String loyaltyUserTokenFix() {
        return "the user token was refused for the loyalty cards: set " + key(EnvVar.YCLIENTS_USER_TOKEN.name(), "userToken")
                + " to a fresh token of a YClients user with rights in the chain's companies";
    }

    /** The error's path holds the probe's made-up phone: shown as such, so nothing that looks like a phone is printed. */
    private static String withoutProbePhone(YClientsException e) {
        return e.getMessage().replace(PROBE_PHONE, "<test phone>");
    }

    private String loyaltyKey() {
        return envSource ? EnvVar.LOYALTY_CARDS.name() : "the template parameter LoyaltyCards (LOYALTY_CARDS)";
    }

    private void skipRest(String why) {
        checks.add(Check.skip("companies", "companies, rights, webhooks and booking forms", why));
    }

    private String managedCompanies(YClientsClient user) {
        try {
            return describe(user.companies(true));
        } catch (YClientsException e) {
            return "";
        }
    }

    private static String describe(List<Company> companies) {
        if (companies.isEmpty()) {
            return "no company";
        }
        return companies.stream().map(c -> c.id() + " (" + c.title() + ")").collect(Collectors.joining(", "));
    }

    /** The key as the operator edits it: the .env variable, or the secret's JSON field. */
    private String key(String envName, String secretField) {
        if (envSource) {
            return envName + " (" + secretField + " in a deployed secret)";
        }
        if (envName.equals(EnvVar.COMPANY_IDS.name())) {
            return "the template parameter CompanyIds (COMPANY_IDS) or companies in the secret";
        }
        return secretField + " in the secret " + env.config().optional(EnvVar.YCLIENTS_SECRET_ARN).orElse("");
    }

    private YClientsClient client(Credentials credentials) {
        return YClientsClient.builder()
                .baseUri(secret.apiBaseUrl())
                .credentials(credentials)
                .retryPolicy(RetryPolicy.NONE)
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(15))
                .build();
    }
}

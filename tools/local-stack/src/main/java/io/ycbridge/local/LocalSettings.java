package io.ycbridge.local;

import io.ycbridge.config.ConfigException;
import io.ycbridge.config.DotEnvFile;
import io.ycbridge.config.EnvVar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's settings: command-line options over the environment over the local file
 * ({@code ycbridge.local.env}, gitignored; {@code ycbridge.local.env.example} documents every key) over safe defaults.
 * Two kinds of key: {@code YCBRIDGE_LOCAL_*} for the stack itself, and the functions' own variables ({@link EnvVar}),
 * passed to every handler's Config. AWS wiring and the secret source are the stack's, never the user's: a local run
 * must not reach a real account.
 *
 * @param functionEnvironment what the user set for the functions (company ids, booking forms, bonus rules, YClients credentials)
 * @param signingKey HS256 key of the local token issuer; random per run unless set
 * @param syncEvery how often the sync runs on its own
 */
record LocalSettings(int port, Duration syncEvery, byte[] signingKey, String issuer, String audience, String webhookToken,
                     Map<String, String> functionEnvironment) {
    static final String FILE_NAME = "ycbridge.local.env";
    static final int DEFAULT_PORT = 3000;
    static final String DEFAULT_ISSUER = "https://issuer.ycbridge.local";
    static final String DEFAULT_AUDIENCE = "ycbridge-local-app";
    static final String DEFAULT_COMPANY_IDS = "235564,1169323";
    static final String DEFAULT_BOOKING_FORMS = "235564:n239661.yclients.com,1169323:n1180001.alteg.io";

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    // The stack sets these itself; a user's value would point the functions at a real account or secret.
    private static final Set<EnvVar> OWNED = EnumSet.of(EnvVar.AWS_REGION, EnvVar.AWS_ENDPOINT_URL, EnvVar.YCLIENTS_SECRET_SOURCE,
            EnvVar.YCLIENTS_SECRET_ARN, EnvVar.YCLIENTS_ENV_FILE, EnvVar.SYNC_QUEUE_URL, EnvVar.RECORDS_TABLE, EnvVar.CATALOG_TABLE,
            EnvVar.SYNC_STATE_TABLE, EnvVar.BONUS_LEDGER_TABLE, EnvVar.USER_LINKS_TABLE, EnvVar.PROFILES_TABLE,
            EnvVar.AWS_ENDPOINT_URL_EVENTBRIDGE, EnvVar.EVENT_BUS_NAME);

    LocalSettings {
        signingKey = signingKey.clone();
        functionEnvironment = Map.copyOf(functionEnvironment);
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** Whether the real YClients API is configured; otherwise the simulator runs. */
    boolean realApi() {
        return functionEnvironment.containsKey(EnvVar.YCLIENTS_PARTNER_TOKEN.name());
    }

    /**
     * @param file the local file, read when it exists
     * @param environment the process environment
     * @param options {@code --port}, {@code --sync-every} (minutes) already split from the command line
     * @param scheduleDefault the template's SyncSchedule default, e.g. {@code rate(30 minutes)}
     */
    static LocalSettings load(Path file, Map<String, String> environment, Map<String, String> options, String scheduleDefault) {
        Map<String, String> values = new HashMap<>(file != null && Files.isRegularFile(file) ? readFile(file) : Map.of());
        environment.forEach((name, value) -> {
            if (name.startsWith("YCBRIDGE_LOCAL_") || isFunctionVariable(name)) {
                values.put(name, value);
            }
        });
        values.values().removeIf(String::isBlank);
        int port = integer(options.getOrDefault("port", values.getOrDefault("YCBRIDGE_LOCAL_PORT", Integer.toString(DEFAULT_PORT))),
                "--port / YCBRIDGE_LOCAL_PORT", 0, 65535);
        String minutes = options.getOrDefault("sync-every", values.get("YCBRIDGE_LOCAL_SYNC_MINUTES"));
        Duration syncEvery = minutes != null
                ? Duration.ofMinutes(integer(minutes, "--sync-every / YCBRIDGE_LOCAL_SYNC_MINUTES", 1, 10_080))
                : rate(scheduleDefault);
        byte[] key = Optional.ofNullable(values.get("YCBRIDGE_LOCAL_JWT_KEY")).map(text -> text.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> random(32));
        if (key.length < 32) {
            // HS256 with a short key is guessable; RFC 7518 asks for at least the hash size.
            throw new IllegalArgumentException("YCBRIDGE_LOCAL_JWT_KEY must be at least 32 characters");
        }
        Map<String, String> functions = new LinkedHashMap<>();
        functions.put(EnvVar.COMPANY_IDS.name(), DEFAULT_COMPANY_IDS);
        functions.put(EnvVar.BOOKING_FORMS.name(), DEFAULT_BOOKING_FORMS);
        values.forEach((name, value) -> {
            if (isFunctionVariable(name)) {
                functions.put(name, value);
            }
        });
        String webhookToken = functions.computeIfAbsent(EnvVar.YCLIENTS_WEBHOOK_TOKEN.name(),
                name -> Base64.getUrlEncoder().withoutPadding().encodeToString(random(24)));
        return new LocalSettings(port, syncEvery, key, values.getOrDefault("YCBRIDGE_LOCAL_JWT_ISSUER", DEFAULT_ISSUER),
                values.getOrDefault("YCBRIDGE_LOCAL_JWT_AUDIENCE", DEFAULT_AUDIENCE), webhookToken, functions);
    }

    /** {@code --port 3001 --sync-every 5} (or {@code --port=3001}) into a map; anything else is an error with the usage. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length && !List.of("--help").contains(arg)) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            if (!List.of("port", "sync-every", "settings").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }

    static Duration rate(String expression) {
        Matcher rate = RATE.matcher(expression == null ? "" : expression.strip());
        if (!rate.matches()) {
            // cron(...) has no fixed period; locally the default half hour is the useful approximation.
            return Duration.ofMinutes(30);
        }
        long amount = Long.parseLong(rate.group(1));
        return switch (rate.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static boolean isFunctionVariable(String name) {
        try {
            return !OWNED.contains(EnvVar.valueOf(name));
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }

    private static int integer(String text, String what, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the range
        }
        throw new IllegalArgumentException(what + " must be a whole number from " + min + " to " + max);
    }

    private static Map<String, String> readFile(Path file) {
        try {
            return DotEnvFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    /** Never lists the key, the webhook token or the functions' values: some are credentials. */
    @Override
    public String toString() {
        return "LocalSettings[port=" + port + ", syncEvery=" + syncEvery + ", realApi=" + realApi() + "]";
    }
}

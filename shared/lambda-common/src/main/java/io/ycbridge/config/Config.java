package io.ycbridge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The environment, read once at the edge (a handler's no-arg constructor) and handed on as typed values. Each
 * function asks only for what it needs, so a function without a secret never fails for a missing secret ARN. Every
 * error names the variable and what a valid value looks like; values of {@linkplain EnvVar#secret() secret}
 * variables are never quoted. A blank value counts as unset: SAM passes "" for an empty parameter.
 */
public final class Config {
    private final Map<String, String> values;
    private final Set<String> namesRead = ConcurrentHashMap.newKeySet();

    private Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** A snapshot of the process environment. */
    public static Config fromEnvironment() {
        return of(System.getenv());
    }

    /** From any map; what tests and the local stack use instead of the real environment. */
    public static Config of(Map<String, String> values) {
        return new Config(values);
    }

    /** These values with {@code overrides} on top: the environment beneath the settings document. */
    public Config overlaidWith(Map<String, String> overrides) {
        Map<String, String> merged = new java.util.HashMap<>(values);
        merged.putAll(overrides);
        return new Config(merged);
    }

    public Optional<String> optional(EnvVar variable) {
        return optional(variable.name());
    }

    /** For a function's own variable that is not (yet) in {@link EnvVar}. */
    public Optional<String> optional(String name) {
        namesRead.add(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Every name looked up so far, set or not: lets a test hold template.yaml's environment to what the code reads. */
    public Set<String> namesRead() {
        return Set.copyOf(namesRead);
    }

    public String require(EnvVar variable) {
        return optional(variable).orElseThrow(() -> missing(variable.name(), variable.description()));
    }

    public String require(String name) {
        return optional(name).orElseThrow(() -> missing(name, null));
    }

    /** Parses a required value; the parser's failure becomes an error naming the variable and the expected form. */
    public <T> T require(EnvVar variable, String expected, Function<String, T> parser) {
        return parse(variable, require(variable), expected, parser);
    }

    public <T> Optional<T> optional(EnvVar variable, String expected, Function<String, T> parser) {
        return optional(variable).map(value -> parse(variable, value, expected, parser));
    }

    /** Comma-separated positive ids, e.g. {@code COMPANY_IDS=235564,240012}. At least one. */
    public List<Long> requireIds(EnvVar variable) {
        return require(variable, "positive numeric ids separated by commas, e.g. 235564,240012", Config::parseIds);
    }

    /**
     * {@code company:value} pairs separated by commas, e.g. {@code COMPANY_PHONE_REGIONS=235564:RU,1169323:UA}; each
     * company once. Empty when the variable is unset.
     */
    public <T> Map<Long, T> perCompany(EnvVar variable, String expected, Function<String, T> valueParser) {
        return optional(variable, expected, text -> companyPairs(text, valueParser)).orElse(Map.of());
    }

    /** The parser behind {@link #perCompany}: at least one pair, ids positive, none twice; insertion order kept. */
    public static <T> Map<Long, T> companyPairs(String text, Function<String, T> valueParser) {
        Map<Long, T> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("no company before ':'");
            }
            long company = Long.parseLong(pair.substring(0, colon).strip());
            T value = valueParser.apply(pair.substring(colon + 1));
            if (company <= 0 || value == null || values.put(company, value) != null) {
                throw new IllegalArgumentException("company id not positive or given twice");
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return values;
    }

    public Optional<URI> optionalUri(EnvVar variable) {
        return optional(variable, "an absolute http(s) URL such as http://127.0.0.1:8000", Config::parseUri);
    }

    public ZoneId zone(EnvVar variable, ZoneId fallback) {
        return optional(variable, "an IANA zone id such as Europe/Moscow", ZoneId::of).orElse(fallback);
    }

    /** A whole number of seconds, zero or more. */
    public Duration seconds(EnvVar variable, Duration fallback) {
        return optional(variable, "a whole number of seconds, 0 or more", text -> {
            long seconds = Long.parseLong(text);
            if (seconds < 0) {
                throw new IllegalArgumentException("negative");
            }
            return Duration.ofSeconds(seconds);
        }).orElse(fallback);
    }

    /** A whole number above 0. */
    public int positive(EnvVar variable, int fallback) {
        return optional(variable, "a whole number above 0", text -> {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new IllegalArgumentException("not positive");
            }
            return value;
        }).orElse(fallback);
    }

    /** One of the given words, case-insensitive, returned lower-case. */
    public Optional<String> choice(EnvVar variable, List<String> allowed) {
        return optional(variable, "one of " + String.join(", ", allowed), text -> {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (!allowed.contains(lower)) {
                throw new IllegalArgumentException("not allowed");
            }
            return lower;
        });
    }

    private static <T> T parse(EnvVar variable, String value, String expected, Function<String, T> parser) {
        try {
            T parsed = parser.apply(value);
            if (parsed == null) {
                throw new IllegalArgumentException("no value");
            }
            return parsed;
        } catch (RuntimeException e) {
            String shown = variable.secret() ? "" : " (got '" + abbreviate(value) + "')";
            throw new ConfigException(variable.name(), "environment variable " + variable.name() + " is malformed: expected "
                    + expected + shown);
        }
    }

    private static ConfigException missing(String name, String description) {
        return new ConfigException(name, "environment variable " + name + " is not set"
                + (description == null ? "" : ": " + description));
    }

    private static List<Long> parseIds(String text) {
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            long id = Long.parseLong(trimmed);
            if (id <= 0) {
                throw new IllegalArgumentException("not positive");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return List.copyOf(ids);
    }

    private static URI parseUri(String text) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    /** Never lists values: some are credentials. */
    @Override
    public String toString() {
        return "Config[" + values.size() + " variables]";
    }
}

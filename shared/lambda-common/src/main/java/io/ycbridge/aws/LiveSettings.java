package io.ycbridge.aws;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.DotEnvFile;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The deploy's settings as a {@link Config}: the function's environment (resource names, which change only with the
 * code) beneath the settings document, {@code KEY=value} lines in the SSM parameter {@code SETTINGS_PARAMETER}, which
 * the stack rewrites whenever a setting (companies, bonus percent, booking forms…) changes.
 *
 * <p>Why not environment variables: the functions run behind the {@code live} alias of a published version, and SAM
 * names that version after the code and the <em>unresolved</em> environment, so a changed parameter yields the same
 * version, CloudFormation publishes none, and live traffic keeps the old settings (aws/serverless-application-model
 * issues #1640 and #3820). Read here, a change reaches every environment within the TTL, without a version.
 *
 * <p>The document is read again once the TTL has passed, on the wall clock: an environment restored from a SnapStart
 * snapshot taken days ago reads it before its first request. A read that fails keeps the settings in use (logged);
 * the first read, at init, fails the init: no settings, no function.
 */
public final class LiveSettings {
    private static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private final Config environment;
    private final Supplier<String> document;
    private final Duration ttl;
    private final Clock clock;
    private final DecisionLog log;
    private String documentInUse;
    private Map<String, String> valuesInUse = Map.of();
    private Config current;
    private Instant readAt;

    LiveSettings(Config environment, Supplier<String> document, Duration ttl, Clock clock, LogSink sink) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.document = document;
        this.ttl = ttl;
        this.clock = clock;
        this.log = new DecisionLog("settings", sink, clock);
        this.current = environment;
        if (document != null) {
            adopt(document.get());
        }
    }

    /** The process environment, and the SSM document when {@code SETTINGS_PARAMETER} names one. */
    public static LiveSettings fromEnvironment() {
        return from(Config.fromEnvironment(), Clock.systemUTC());
    }

    /** As {@link #fromEnvironment}, from given values and clock: for tests and the local stack. */
    public static LiveSettings from(Config environment, Clock clock) {
        if (environment.optional(EnvVar.SETTINGS_PARAMETER).isEmpty()) {
            return fixed(environment);
        }
        SsmParameter parameter = SsmParameter.named(environment.require(EnvVar.SETTINGS_PARAMETER), AwsSettings.from(environment),
                UrlConnectionHttpClient.create());
        Duration ttl = environment.optional(EnvVar.SETTINGS_TTL_SECONDS, "whole seconds, e.g. 60", Long::parseLong)
                .map(Duration::ofSeconds).orElse(DEFAULT_TTL);
        return new LiveSettings(environment, parameter::value, ttl, clock, LogSink.STDOUT);
    }

    /** Settings that never change: tests, the local stack, and a function run without a settings parameter. */
    public static LiveSettings fixed(Config config) {
        return new LiveSettings(config, null, Duration.ZERO, Clock.systemUTC(), LogSink.STDOUT);
    }

    /** The settings now: the same instance until the document's text changes. */
    public synchronized Config current() {
        if (document != null && !clock.instant().isBefore(readAt.plus(ttl))) {
            readAt = clock.instant();
            try {
                String text = document.get();
                if (!text.equals(documentInUse)) {
                    Map<String, String> before = valuesInUse;
                    adopt(text);
                    log.info("settings-changed", Map.of("changed", changedNames(before, valuesInUse)));
                }
            } catch (RuntimeException unreadable) {
                log.warn("settings-unreadable", Map.of("error", unreadable.getMessage() == null ? unreadable.getClass().getSimpleName() : unreadable.getMessage()));
            }
        }
        return current;
    }

    /**
     * What {@code build} makes of the settings (a function's whole wiring), made now and again each time they change;
     * a rebuild the settings refuse keeps the last one. Rebuilding makes new clients too: it happens once per change
     * and environment, and costs that one request the few hundred milliseconds a client takes to start.
     */
    public <T> Supplier<T> bind(Function<Config, T> build) {
        return new Bound<>(build);
    }

    private void adopt(String text) {
        valuesInUse = DotEnvFile.parse(text, "settings parameter");
        current = environment.overlaidWith(valuesInUse);
        documentInUse = text;
        readAt = clock.instant();
    }

    /** Names only: a value is no secret, but a log line is not the place for a chain's list of companies. */
    private static List<String> changedNames(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(name -> Objects.equals(before.get(name), after.get(name)));
        return List.copyOf(names);
    }

    private final class Bound<T> implements Supplier<T> {
        private final Function<Config, T> build;
        private Config builtFrom;
        private T value;

        Bound(Function<Config, T> build) {
            this.build = build;
            this.builtFrom = current();
            this.value = build.apply(builtFrom);
        }

        @Override
        public synchronized T get() {
            Config now = current();
            if (now != builtFrom) {
                try {
                    value = build.apply(now);
                } catch (ConfigException rejected) {
                    // A setting the code refuses (the template's patterns let few through): serve on with the last good
                    // ones and say which variable, once per change, rather than fail every request or adopt half of them.
                    log.error("settings-rejected", Map.of("variable", rejected.variable(), "reason", "kept the previous settings"));
                }
                builtFrom = now;
            }
            return value;
        }
    }
}

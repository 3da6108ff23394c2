package io.ycbridge.push;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.EnvVar;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Push from the settings: the SNS platform application of each push service (a platform without one takes no device),
 * the language of a device registered without one, the event types pushed, and the quiet hours.
 */
public record PushSettings(Map<Platform, String> applications, String defaultLocale, Set<String> events, Optional<QuietHours> quietHours) {
    /** The languages the pushes are written in. */
    public static final Set<String> LOCALES = Set.of("ru", "en");
    static final String DEFAULT_EVENTS = "VisitRescheduled,VisitCancelled,BonusAccrued,BonusExpiring";
    static final String DEFAULT_QUIET_HOURS = "22:00-09:00";

    public static PushSettings from(Config config) {
        Map<Platform, String> applications = new EnumMap<>(Platform.class);
        config.optional(EnvVar.FCM_PLATFORM_APPLICATION_ARN).ifPresent(arn -> applications.put(Platform.FCM, arn));
        config.optional(EnvVar.APNS_PLATFORM_APPLICATION_ARN).ifPresent(arn -> applications.put(Platform.APNS, arn));
        String locale = config.optional(EnvVar.PUSH_DEFAULT_LOCALE).orElse("ru").toLowerCase(Locale.ROOT);
        if (!LOCALES.contains(locale)) {
            throw new ConfigException(EnvVar.PUSH_DEFAULT_LOCALE.name(), EnvVar.PUSH_DEFAULT_LOCALE.name() + " must be ru or en");
        }
        String events = config.optional(EnvVar.PUSH_EVENTS).orElse(DEFAULT_EVENTS);
        Set<String> types = "none".equalsIgnoreCase(events) ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(events.split(",")).map(String::strip).filter(type -> !type.isEmpty()).toList());
        ZoneId zone = config.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow"));
        String quiet = config.optional(EnvVar.QUIET_HOURS).orElse(DEFAULT_QUIET_HOURS);
        Optional<QuietHours> hours;
        try {
            hours = "none".equalsIgnoreCase(quiet) ? Optional.empty() : Optional.of(QuietHours.parse(quiet, zone));
        } catch (RuntimeException e) {
            throw new ConfigException(EnvVar.QUIET_HOURS.name(), EnvVar.QUIET_HOURS.name() + " must be HH:mm-HH:mm (22:00-09:00) or none");
        }
        return new PushSettings(Map.copyOf(applications), locale, Set.copyOf(types), hours);
    }

    public Optional<String> application(Platform platform) {
        return Optional.ofNullable(applications.get(platform));
    }
}

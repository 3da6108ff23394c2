package io.ycbridge.loyalty;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.EnvVar;
import java.time.Duration;
import java.time.ZoneId;

/**
 * BONUS_EXPIRY_DAYS, the lifetime the YClients loyalty programme gives a card's points (off when unset), and
 * BONUS_EXPIRY_NOTICE_DAYS, how far ahead the app is told (default 7), in COMPANY_TIME_ZONE's calendar.
 */
public record BonusExpirySettings(Duration lifetime, Duration notice, ZoneId zone) {
    static final int DEFAULT_NOTICE_DAYS = 7;

    public static BonusExpirySettings from(Config config) {
        ZoneId zone = config.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow"));
        int notice = config.positive(EnvVar.BONUS_EXPIRY_NOTICE_DAYS, DEFAULT_NOTICE_DAYS);
        if (config.optional(EnvVar.BONUS_EXPIRY_DAYS).isEmpty()) {
            return new BonusExpirySettings(null, Duration.ofDays(notice), zone);
        }
        int lifetime = config.positive(EnvVar.BONUS_EXPIRY_DAYS, 1);
        if (notice >= lifetime) {
            throw new ConfigException(EnvVar.BONUS_EXPIRY_NOTICE_DAYS.name(), EnvVar.BONUS_EXPIRY_NOTICE_DAYS.name() + " must be shorter than " + EnvVar.BONUS_EXPIRY_DAYS.name()
                    + " (" + notice + " >= " + lifetime + " days): a notice would come before the bonus was credited");
        }
        return new BonusExpirySettings(Duration.ofDays(lifetime), Duration.ofDays(notice), zone);
    }

    public boolean enabled() {
        return lifetime != null;
    }
}

package io.ycbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void readsRequiredAndOptionalValues() {
        Config config = Config.of(Map.of("RECORDS_TABLE", " records-abc ", "AWS_ENDPOINT_URL", "http://127.0.0.1:8000"));

        assertEquals("records-abc", config.require(EnvVar.RECORDS_TABLE));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), config.optionalUri(EnvVar.AWS_ENDPOINT_URL));
        assertEquals(Optional.empty(), config.optional(EnvVar.CATALOG_TABLE));
    }

    @Test
    void aMissingVariableIsNamedWithWhatItIsFor() {
        ConfigException missing = assertThrows(ConfigException.class, () -> Config.of(Map.of()).require(EnvVar.RECORDS_TABLE));

        assertEquals("RECORDS_TABLE", missing.variable());
        assertEquals("environment variable RECORDS_TABLE is not set: " + EnvVar.RECORDS_TABLE.description(), missing.getMessage());
    }

    @Test
    void aBlankValueCountsAsUnset() {
        // SAM passes "" for an empty parameter.
        Config config = Config.of(Map.of("CATALOG_TABLE", "  "));

        assertThrows(ConfigException.class, () -> config.require(EnvVar.CATALOG_TABLE));
        assertTrue(config.optional(EnvVar.CATALOG_TABLE).isEmpty());
    }

    @Test
    void readsCompanyIds() {
        assertEquals(List.of(235564L, 240012L), Config.of(Map.of("COMPANY_IDS", "235564, 240012,235564,")).requireIds(EnvVar.COMPANY_IDS));
    }

    @Test
    void aMalformedValueIsNamedWithTheExpectedForm() {
        ConfigException malformed = assertThrows(ConfigException.class,
                () -> Config.of(Map.of("COMPANY_IDS", "235564,abc")).requireIds(EnvVar.COMPANY_IDS));

        assertEquals("COMPANY_IDS", malformed.variable());
        assertTrue(malformed.getMessage().startsWith("environment variable COMPANY_IDS is malformed: expected positive numeric ids"),
                malformed.getMessage());
        assertTrue(malformed.getMessage().contains("235564,abc"), "a non-secret value is shown to help: " + malformed.getMessage());

        assertThrows(ConfigException.class, () -> Config.of(Map.of("COMPANY_IDS", "-5")).requireIds(EnvVar.COMPANY_IDS));
        assertThrows(ConfigException.class, () -> Config.of(Map.of("COMPANY_IDS", ",")).requireIds(EnvVar.COMPANY_IDS));
        assertThrows(ConfigException.class, () -> Config.of(Map.of("AWS_ENDPOINT_URL", "localhost:8000")).optionalUri(EnvVar.AWS_ENDPOINT_URL));
        assertThrows(ConfigException.class, () -> Config.of(Map.of("COMPANY_TIME_ZONE", "Moscow")).zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("UTC")));
        assertThrows(ConfigException.class, () -> Config.of(Map.of("YCLIENTS_SECRET_TTL_SECONDS", "-1"))
                .seconds(EnvVar.YCLIENTS_SECRET_TTL_SECONDS, Duration.ZERO));
    }

    @Test
    void aSecretVariableIsNeverQuoted() {
        ConfigException malformed = assertThrows(ConfigException.class, () -> Config.of(Map.of("YCLIENTS_PARTNER_TOKEN", "tok3n-value"))
                .require(EnvVar.YCLIENTS_PARTNER_TOKEN, "a number", Long::parseLong));

        assertFalse(malformed.getMessage().contains("tok3n-value"), malformed.getMessage());
        assertFalse(Config.of(Map.of("YCLIENTS_PASSWORD", "hunter2")).toString().contains("hunter2"));
    }

    @Test
    void defaultsApplyOnlyWhenUnset() {
        Config empty = Config.of(Map.of());
        Config set = Config.of(Map.of("COMPANY_TIME_ZONE", "Asia/Yekaterinburg", "YCLIENTS_SECRET_TTL_SECONDS", "60"));

        assertEquals(ZoneId.of("Europe/Moscow"), empty.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow")));
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), set.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow")));
        assertEquals(Duration.ofSeconds(60), set.seconds(EnvVar.YCLIENTS_SECRET_TTL_SECONDS, Duration.ofMinutes(5)));
    }

    @Test
    void choicesAreCaseInsensitiveAndChecked() {
        assertEquals(Optional.of("env"), Config.of(Map.of("YCLIENTS_SECRET_SOURCE", "ENV"))
                .choice(EnvVar.YCLIENTS_SECRET_SOURCE, List.of("secretsmanager", "env")));
        ConfigException wrong = assertThrows(ConfigException.class, () -> Config.of(Map.of("YCLIENTS_SECRET_SOURCE", "vault"))
                .choice(EnvVar.YCLIENTS_SECRET_SOURCE, List.of("secretsmanager", "env")));
        assertTrue(wrong.getMessage().contains("one of secretsmanager, env"), wrong.getMessage());
    }

    @Test
    void theModuleReadmeDocumentsEveryVariable() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));

        for (EnvVar variable : EnvVar.values()) {
            assertTrue(readme.contains("`" + variable.name() + "`"), "README.md does not document " + variable.name());
        }
    }

    @Test
    void everyVariableIsScreamingSnakeCaseAndDescribed() {
        for (EnvVar variable : EnvVar.values()) {
            assertTrue(variable.name().matches("[A-Z][A-Z0-9_]*"), variable.name());
            assertFalse(variable.description().isBlank(), variable.name());
        }
    }
}

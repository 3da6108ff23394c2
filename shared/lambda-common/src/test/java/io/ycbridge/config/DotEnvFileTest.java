package io.ycbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    @Test
    void readsTheCommonSubset() {
        Map<String, String> values = DotEnvFile.parse(List.of(
                "# local YClients credentials",
                "",
                "YCLIENTS_PARTNER_TOKEN=abc123",
                "export YCLIENTS_USER_TOKEN = \"def 456 # not a comment\"",
                "YCLIENTS_LOGIN='anna@example.com'",
                "COMPANY_IDS=235564 # the test branch"), ".env");

        assertEquals(Map.of("YCLIENTS_PARTNER_TOKEN", "abc123", "YCLIENTS_USER_TOKEN", "def 456 # not a comment",
                "YCLIENTS_LOGIN", "anna@example.com", "COMPANY_IDS", "235564"), values);
    }

    @Test
    void aBadLineIsReportedByNumberNotContent() {
        ConfigException bad = assertThrows(ConfigException.class,
                () -> DotEnvFile.parse(List.of("A=1", "s3cr3t-token-without-a-key"), ".env"));

        assertTrue(bad.getMessage().contains(".env line 2"), bad.getMessage());
        assertFalse(bad.getMessage().contains("s3cr3t"), bad.getMessage());
        assertEquals(".env:2", bad.variable());
        ConfigException open = assertThrows(ConfigException.class, () -> DotEnvFile.parse(List.of("A=\"open"), ".env"));
        assertEquals("A", open.variable());
    }
}

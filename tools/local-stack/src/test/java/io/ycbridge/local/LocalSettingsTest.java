package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSettingsTest {

    @Test
    void theFileIsReadAsEveryDotEnvFileIsAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LocalSettings.FILE_NAME);
        Files.writeString(file, """
                # the local stack
                export YCBRIDGE_LOCAL_PORT=3001 # a comment after the value
                COMPANY_IDS="235564"
                BONUS_PERCENT=5
                """);

        LocalSettings settings = LocalSettings.load(file, Map.of("BONUS_PERCENT", "7"), Map.of(), "rate(30 minutes)");

        assertEquals(3001, settings.port());
        assertEquals("235564", settings.functionEnvironment().get("COMPANY_IDS"));
        assertEquals("7", settings.functionEnvironment().get("BONUS_PERCENT"));
    }

    @Test
    void aBadLineNamesItsNumberNotItsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LocalSettings.FILE_NAME);
        Files.writeString(file, "YCBRIDGE_LOCAL_PORT=3001\ns3cr3t-token-without-a-key\n");

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LocalSettings.load(file, Map.of(), Map.of(), "rate(30 minutes)"));

        assertTrue(bad.getMessage().contains(file + " line 2 is not KEY=value"), bad.getMessage());
        assertFalse(bad.getMessage().contains("s3cr3t"), bad.getMessage());
    }
}

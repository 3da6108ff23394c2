package io.ycbridge.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentSecretSourceTest {

    @Test
    void theEnvironmentWinsOverTheFileWhichIsReadOnEveryLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "YCLIENTS_PARTNER_TOKEN=fromfile123\nYCLIENTS_USER_TOKEN=userfromfile1\n");
        EnvironmentSecretSource source = new EnvironmentSecretSource(Config.of(Map.of("YCLIENTS_USER_TOKEN", "userfromenv1")), file);

        YClientsSecret first = source.load();
        assertEquals("fromfile123", first.partnerToken());
        assertEquals("userfromenv1", first.userToken());

        Files.writeString(file, "YCLIENTS_PARTNER_TOKEN=rotated4567\n");
        assertEquals("rotated4567", source.load().partnerToken());
    }

    @Test
    void aBadLineIsASecretFormatErrorByNumberNotContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "A=1\ns3cr3t-token-without-a-key\n");

        SecretFormatException bad = assertThrows(SecretFormatException.class,
                () -> new EnvironmentSecretSource(Config.of(Map.of()), file).load());

        assertTrue(bad.getMessage().contains(file + " line 2"), bad.getMessage());
        assertFalse(bad.getMessage().contains("s3cr3t"), bad.getMessage());
        Files.writeString(file, "A=\"open\n");
        assertThrows(SecretFormatException.class, () -> new EnvironmentSecretSource(Config.of(Map.of()), file).load());
    }

    @Test
    void aMissingFileIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("absent.env");

        SecretUnavailableException failure = assertThrows(SecretUnavailableException.class,
                () -> new EnvironmentSecretSource(Config.of(Map.of()), missing).load());
        assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
    }
}

package io.ycbridge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.fixture.MotoSsm;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.simulator.MovableClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GetParameter as SSM answers it (moto), and a setting changed in SSM reaching a running function's wiring. */
@ExtendWith(MotoServerExtension.class)
class SsmParameterTest {
    private static final String NAME = "/ycbridge/test-stack/settings";
    private final MotoServer moto;
    private SignedAwsCall ssm;

    SsmParameterTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void freshMoto() {
        moto.reset();
        ssm = MotoSsm.call(moto);
    }

    @Test
    void readsTheValueTheStackWrote() throws Exception {
        put("COMPANY_IDS=235564\nBONUS_PERCENT=5\n");

        assertEquals("COMPANY_IDS=235564\nBONUS_PERCENT=5\n", new SsmParameter(ssm, NAME).value());
    }

    @Test
    void aMissingParameterSaysWhichAndWhyAndNothingMore() {
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> new SsmParameter(ssm, "/nope").value());

        assertTrue(missing.getMessage().contains("/nope") && missing.getMessage().contains("ParameterNotFound"), missing.getMessage());
    }

    @Test
    void aSettingChangedInSsmReachesTheFunctionsWiringAfterTheTtl() throws Exception {
        put("COMPANY_IDS=235564\nBONUS_PERCENT=5\n");
        MovableClock clock = new MovableClock();
        LiveSettings settings = LiveSettings.from(Config.of(Map.of(
                "AWS_REGION", MotoServer.REGION.id(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_SSM", moto.endpoint().toString(),
                "SETTINGS_PARAMETER", NAME,
                "SETTINGS_TTL_SECONDS", "30")), clock);
        Supplier<String> percent = settings.bind(config -> config.require(EnvVar.BONUS_PERCENT));

        put("COMPANY_IDS=235564\nBONUS_PERCENT=8\n");
        assertEquals("5", percent.get());
        clock.advance(Duration.ofSeconds(30));

        assertEquals("8", percent.get());
        assertFalse(settings.current().optional(EnvVar.AWS_ENDPOINT_URL_SSM).isEmpty(), "the environment is still beneath");
    }

    private void put(String value) throws Exception {
        MotoSsm.put(moto, NAME, value);
    }
}

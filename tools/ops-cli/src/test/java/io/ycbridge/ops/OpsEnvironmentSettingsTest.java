package io.ycbridge.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.EnvVar;
import io.ycbridge.fixture.MotoSsm;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator tools with the deployed functions' settings (moto's SSM), beneath what the operator gives. */
@ExtendWith(MotoServerExtension.class)
class OpsEnvironmentSettingsTest {
    private static final String NAME = "/ycbridge/prod/settings";

    @Test
    void theDeployedSettingsLieBeneathTheEnvironmentAndTheOptions(MotoServer moto) throws Exception {
        MotoSsm.put(moto, NAME, "COMPANY_IDS=235564,1169323\nBONUS_PERCENT=7\n"
                + "YCLIENTS_SECRET_ARN=arn:aws:secretsmanager:us-east-1:000000000000:secret:deployed-AbCdEf\n");
        Map<String, String> environment = new HashMap<>(Map.of("AWS_REGION", MotoServer.REGION.id(), "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "BONUS_PERCENT", "3"));

        try (OpsEnvironment env = OpsEnvironment.from(environment, Args.parse(List.of("--settings-parameter", NAME, "--secret-arn", "arn:given"),
                Set.of("--settings-parameter", "--secret-arn"), Set.of()))) {
            assertEquals(List.of(235564L, 1169323L), env.config().requireIds(EnvVar.COMPANY_IDS), "the functions' companies");
            assertEquals("3", env.config().require(EnvVar.BONUS_PERCENT), "the operator's environment wins");
            assertEquals("arn:given", env.config().require(EnvVar.YCLIENTS_SECRET_ARN), "and the command line over all");
            assertTrue(env.origin().contains(NAME), env.origin());
        }
        UsageException missing = assertThrows(UsageException.class, () -> OpsEnvironment.from(environment,
                Args.parse(List.of("--settings-parameter", "/nope"), Set.of("--settings-parameter"), Set.of())));
        assertTrue(missing.getMessage().contains("ParameterNotFound"), missing.getMessage());
    }
}

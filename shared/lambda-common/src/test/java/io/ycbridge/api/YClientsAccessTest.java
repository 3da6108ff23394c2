package io.ycbridge.api;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.secret.SecretSource;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class YClientsAccessTest {
    private final YClientsSimulator sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
    private final Map<String, String> env = new HashMap<>(Map.of(
            "YCLIENTS_SECRET_SOURCE", "env",
            "YCLIENTS_PARTNER_TOKEN", SimulatorDefaults.PARTNER_TOKEN,
            "YCLIENTS_BASE_URL", sim.baseUri().toString()));

    @AfterEach
    void stop() {
        sim.close();
    }

    private YClientsAccess.Builder builder() {
        Config config = Config.of(env);
        return YClientsAccess.builder(config, SecretSource.fromConfig(config, () -> {
            throw new AssertionError("the environment source needs no Secrets Manager");
        }));
    }

    @Test
    void aSecretWithLoginAndPasswordLogsInOnceAndTellsWhoAsked() {
        env.put("YCLIENTS_LOGIN", SimulatorDefaults.LOGIN);
        env.put("YCLIENTS_PASSWORD", SimulatorDefaults.PASSWORD);
        List<String> issued = new ArrayList<>();
        YClientsAccess access = builder().onTokenIssued(issued::add).build();

        assertEquals(DEMO_SALON_ID, access.call(client -> client.company(DEMO_SALON_ID)).id());
        assertFalse(access.call(client -> client.services(DEMO_SALON_ID)).isEmpty());

        assertEquals(1, issued.size(), "one login, then the cached token");
        assertEquals(issued.getFirst(), access.secrets().credentials().userToken());
    }

    @Test
    void theRateLimitsAreReadFromTheConfigurationAndMustBePositive() {
        env.put("YCLIENTS_USER_TOKEN", SimulatorDefaults.USER_TOKEN);
        env.put("YCLIENTS_RATE_PER_MINUTE", "0");

        ConfigException refused = assertThrows(ConfigException.class, () -> builder().build());

        assertEquals("YCLIENTS_RATE_PER_MINUTE", refused.variable());
        assertTrue(refused.getMessage().contains("a whole number above 0"), refused.getMessage());
    }
}

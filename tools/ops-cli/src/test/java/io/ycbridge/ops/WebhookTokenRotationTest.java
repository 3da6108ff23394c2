package io.ycbridge.ops;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.secret.YClientsSecret;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code ops rotate-webhook-token} against moto's Secrets Manager and the simulator's webhook settings. */
@ExtendWith(MotoServerExtension.class)
class WebhookTokenRotationTest {
    private static final String PREFIX = "https://api.example.com/v1/yclients/webhook/";
    private static final String FIRST = "first-webhook-token-0123456789";
    private final MotoServer moto;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final YClientsSimulator sim = YClientsSimulator.start();
    private final Map<String, String> env = new HashMap<>();
    private SecretsManagerClient secrets;
    private String arn;

    WebhookTokenRotationTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void secretAndSalon() {
        moto.reset();
        sim.seed(SimulatorSeed.demo());
        secrets = new AwsClients(AwsSettings.local(moto.endpoint(), MotoServer.REGION)).secretsManager();
        arn = secrets.createSecret(request -> request.name("ycbridge-test").secretString(ApiJson.mapper().createObjectNode()
                .put("partnerToken", SimulatorDefaults.PARTNER_TOKEN).put("userToken", SimulatorDefaults.USER_TOKEN)
                .put("baseUrl", sim.baseUri().toString()).put("webhookToken", FIRST).put("operatorNote", "kept as written")
                .toString())).arn();
        env.put("AWS_REGION", MotoServer.REGION.id());
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("COMPANY_IDS", Long.toString(DEMO_SALON_ID));
        assertEquals(0, run("setup-webhook", "--url", PREFIX + FIRST, "--secret-arn", arn).code());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aRotationMovesYClientsToTheNewUrlAndKeepsTheOldTokenForItsGraceOnly() throws Exception {
        Result rotated = run("rotate-webhook-token", "--url", PREFIX, "--grace", "2h", "--secret-arn", arn);

        assertEquals(0, rotated.code(), rotated.all());
        JsonNode secret = secret();
        String token = secret.path("webhookToken").asText();
        assertNotEquals(FIRST, token);
        assertTrue(token.matches("[A-Za-z0-9]{40}"), "a URL-safe token of 40 characters");
        assertEquals(FIRST, secret.path("previousWebhookToken").asText());
        assertEquals("2026-12-02T12:00:00Z", secret.path("previousWebhookTokenUntil").asText());
        assertEquals("kept as written", secret.path("operatorNote").asText(), "the operator's other fields are kept");
        assertEquals(List.of(PREFIX + token), urls(), "YClients delivers to the new URL and no longer to the old");

        YClientsSecret parsed = YClientsSecret.parseJson(secret.toString(), "the secret");
        assertEquals(List.of(token, FIRST), parsed.acceptedWebhookTokens(clock.instant().plus(Duration.ofHours(1))));
        assertEquals(List.of(token), parsed.acceptedWebhookTokens(clock.instant().plus(Duration.ofHours(2))));
        assertFalse(rotated.all().contains(token) || rotated.all().contains(FIRST), "no token in the output: " + rotated.all());
    }

    @Test
    void retireEndsTheGraceAtOnceAndOnlyThenMayTheTokenRotateAgain() throws Exception {
        run("rotate-webhook-token", "--url", PREFIX, "--secret-arn", arn);
        String second = secret().path("webhookToken").asText();

        Result again = run("rotate-webhook-token", "--url", PREFIX, "--secret-arn", arn);
        assertEquals(2, again.code(), "a rotation within the last one's grace would drop the first token: " + again.all());
        assertEquals(second, secret().path("webhookToken").asText());
        assertEquals(FIRST, secret().path("previousWebhookToken").asText(), "nothing was written");

        Result retired = run("rotate-webhook-token", "--retire", "--secret-arn", arn);

        assertEquals(0, retired.code(), retired.all());
        assertFalse(secret().has("previousWebhookToken") || secret().has("previousWebhookTokenUntil"));
        assertEquals(0, run("rotate-webhook-token", "--url", PREFIX, "--secret-arn", arn).code());
        assertEquals(second, secret().path("previousWebhookToken").asText());
    }

    @Test
    void whenYClientsRefusesTheOldTokenStaysAcceptedLongerAndTheRunFails() throws Exception {
        sim.faults().on("/hooks_settings/").next(Fault.status(403, "No company management rights"));

        Result rotated = run("rotate-webhook-token", "--url", PREFIX, "--grace", "1h", "--secret-arn", arn);

        assertEquals(1, rotated.code(), rotated.all());
        assertEquals(List.of(PREFIX + FIRST), urls(), "YClients still delivers to the old URL");
        assertEquals("2026-12-03T10:00:00Z", secret().path("previousWebhookTokenUntil").asText(), "so the old token is kept a day");
        assertTrue(rotated.out().contains("kept the old URL"), rotated.out());
    }

    @Test
    void aGraceShorterThanAMinuteOrMalformedIsRefused() {
        assertEquals(Duration.ofMinutes(90), OpsCli.grace("PT90M"));
        assertEquals(Duration.ofDays(2), OpsCli.grace("2d"));
        assertThrows(UsageException.class, () -> OpsCli.grace("30s"));
        assertThrows(UsageException.class, () -> OpsCli.grace("PT10S"));
        assertEquals(2, run("rotate-webhook-token", "--url", PREFIX, "--grace", "soon", "--secret-arn", arn).code());
    }

    private JsonNode secret() throws Exception {
        return ApiJson.mapper().readTree(secrets.getSecretValue(request -> request.secretId(arn)).secretString());
    }

    private List<String> urls() {
        List<String> urls = new ArrayList<>();
        sim.data().hookSettingsJson(DEMO_SALON_ID).orElseThrow().path("urls").forEach(url -> urls.add(url.asText()));
        return urls;
    }

    private record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpsCli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clock).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

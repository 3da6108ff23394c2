package io.ycbridge.secret;

import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;

import static io.ycbridge.secret.YClientsSecretTest.PARTNER;
import static io.ycbridge.secret.YClientsSecretTest.PASSWORD;
import static io.ycbridge.secret.YClientsSecretTest.USER;
import static io.ycbridge.secret.YClientsSecretTest.WEBHOOK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.config.Config;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.yclients.AuthenticationException;
import io.ycbridge.yclients.AuthenticationException.Credential;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RequestObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/** The token provider against moto's Secrets Manager, through the real SDK client. */
@ExtendWith(MotoServerExtension.class)
class YClientsSecretProviderTest {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final String ROTATED_USER = "rotatedUSER0123456789abcdef";
    private static final String ISSUED = "issuedUSER0123456789abcdef";

    private final MotoServer moto;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();
    private final LogSink.Captured captured = new LogSink.Captured();
    private AwsClients aws;
    private SecretsManagerClient admin;
    private String arn;

    YClientsSecretProviderTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void freshSecret() {
        moto.reset();
        ExecutionInterceptor countReads = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof GetSecretValueRequest) {
                    reads.incrementAndGet();
                }
            }
        };
        aws = new AwsClients(AwsSettings.local(moto.endpoint(), MotoServer.REGION),
                ClientOverrideConfiguration.builder().addExecutionInterceptor(countReads).build());
        admin = new AwsClients(AwsSettings.local(moto.endpoint(), MotoServer.REGION)).secretsManager();
        arn = admin.createSecret(create -> create.name("ycbridge/yclients").secretString(json(USER))).arn();
    }

    @AfterEach
    void close() {
        aws.close();
        admin.close();
    }

    @Test
    void readsNothingUntilFirstUse() {
        YClientsSecretProvider provider = YClientsAccess.fromConfig(
                Config.of(Map.of("YCLIENTS_SECRET_ARN", arn, "AWS_REGION", "us-east-1")), aws, RequestObserver.NONE).secrets();
        assertEquals(0, reads.get(), "SnapStart: nothing fetched while the handler is constructed");

        assertEquals(new Credentials(PARTNER, USER), provider.credentials());
        assertEquals(1, reads.get());
    }

    @Test
    void servesFromTheCacheWithinTheTtl() {
        YClientsSecretProvider provider = provider(null);

        Credentials first = provider.credentials();
        clock.advance(TTL.minusSeconds(1));
        rotate(ROTATED_USER);

        assertSame(first, provider.credentials());
        assertEquals(WEBHOOK, provider.secret().webhookToken());
        assertEquals(1, reads.get());
    }

    @Test
    void readsAgainAfterTheTtl() {
        YClientsSecretProvider provider = provider(null);
        provider.credentials();
        rotate(ROTATED_USER);

        clock.advance(TTL);

        assertEquals(ROTATED_USER, provider.credentials().userToken());
        assertEquals(2, reads.get());
    }

    @Test
    void aRefusedUserTokenIsRefreshedOnceAndTheCallRetried() {
        YClientsSecretProvider provider = provider(null);
        provider.credentials();
        rotate(ROTATED_USER); // the operator put a new token in the secret; the cache still has the old one
        List<String> tokensSeen = new ArrayList<>();

        String answer = provider.call(credentials -> {
            tokensSeen.add(credentials.userToken());
            if (credentials.userToken().equals(USER)) {
                throw refused(Credential.USER_TOKEN);
            }
            return "ok";
        });

        assertEquals("ok", answer);
        assertEquals(List.of(USER, ROTATED_USER), tokensSeen);
        assertEquals(2, reads.get());
        assertTrue(captured.lines().stream().anyMatch(line -> line.contains("yclients_credentials_refused") && line.contains("USER_TOKEN")), captured.all());
    }

    @Test
    void aSecondRefusalPropagates() {
        YClientsSecretProvider provider = provider(null);
        AtomicInteger attempts = new AtomicInteger();

        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> provider.call(credentials -> {
            attempts.incrementAndGet();
            throw refused(Credential.PARTNER_TOKEN);
        }));

        assertEquals(2, attempts.get(), "exactly one retry");
        assertEquals(Credential.PARTNER_TOKEN, refused.credential());
        assertEquals(2, reads.get());
    }

    @Test
    void logsInWhenTheSecretHasOnlyLoginAndPasswordAndKeepsTheTokenAcrossRefreshes() {
        admin.putSecretValue(put -> put.secretId(arn).secretString("""
                {"partnerToken": "%s", "login": "79161234567", "password": "%s"}""".formatted(PARTNER, PASSWORD)));
        List<char[]> passwords = new ArrayList<>();
        AtomicInteger logins = new AtomicInteger();
        YClientsSecretProvider provider = provider((apiBase, partnerOnly, login, password) -> {
            assertEquals(Credentials.partnerOnly(PARTNER), partnerOnly);
            assertEquals("79161234567", login);
            assertArrayEquals(PASSWORD.toCharArray(), password);
            passwords.add(password);
            return ISSUED + logins.incrementAndGet();
        });

        assertEquals(ISSUED + 1, provider.credentials().userToken());
        clock.advance(TTL.plusSeconds(1));
        assertEquals(ISSUED + 1, provider.credentials().userToken(), "a cache refresh does not log in again");
        assertEquals(1, logins.get());
        assertEquals(2, reads.get());

        String answer = provider.call(credentials -> {
            if (credentials.userToken().equals(ISSUED + 1)) {
                throw refused(Credential.USER_TOKEN); // the user changed the password: the token was reset
            }
            return credentials.userToken();
        });

        assertEquals(ISSUED + 2, answer, "a refused token is replaced by a new login");
        assertEquals(2, logins.get());
        for (char[] used : passwords) {
            assertArrayEquals(new char[used.length], used, "the password copy is cleared after the login");
        }
    }

    @Test
    void aRefusedTokenStillInTheSecretIsReplacedByLoginWhenPossible() {
        admin.putSecretValue(put -> put.secretId(arn).secretString("""
                {"partnerToken": "%s", "userToken": "%s", "login": "anna", "password": "%s"}""".formatted(PARTNER, USER, PASSWORD)));
        YClientsSecretProvider provider = provider((apiBase, partnerOnly, login, password) -> ISSUED);

        String used = provider.call(credentials -> {
            if (credentials.userToken().equals(USER)) {
                throw refused(Credential.USER_TOKEN);
            }
            return credentials.userToken();
        });

        assertEquals(ISSUED, used);
    }

    @Test
    void aMalformedSecretNamesTheFieldAndQuotesNothing() {
        YClientsSecretProvider provider = provider(null);

        admin.putSecretValue(put -> put.secretId(arn).secretString("partnerToken=" + PARTNER + " password=" + PASSWORD));
        SecretFormatException notJson = assertThrows(SecretFormatException.class, provider::credentials);
        assertEquals("SecretString", notJson.field());
        assertTrue(notJson.getMessage().startsWith("the secret " + arn + " is not JSON"), notJson.getMessage());

        admin.putSecretValue(put -> put.secretId(arn).secretString("{\"userToken\": \"" + USER + "\", \"password\": \"" + PASSWORD + "\"}"));
        SecretFormatException noPartner = assertThrows(SecretFormatException.class, provider::credentials);
        assertEquals("partnerToken", noPartner.field());

        for (Throwable thrown : List.of(notJson, noPartner)) {
            assertQuotesNoSecret(stackTrace(thrown));
        }
        assertQuotesNoSecret(captured.all());
    }

    @Test
    void aMissingSecretIsReportedWithItsArn() {
        String missing = arn.replace("ycbridge/yclients", "ycbridge/absent");
        YClientsSecretProvider provider = new YClientsSecretProvider(new SecretsManagerSecretSource(aws.secretsManager(), missing), null, clock, TTL);

        SecretUnavailableException failure = assertThrows(SecretUnavailableException.class, provider::credentials);

        assertTrue(failure.getMessage().contains(missing) && failure.getMessage().contains("YCLIENTS_SECRET_ARN"), failure.getMessage());
    }

    @Test
    void noSecretValueInAnyLogLineOrExceptionOrToString() {
        admin.putSecretValue(put -> put.secretId(arn).secretString(json(null).replace("}", ", \"login\": \"anna\", \"password\": \"" + PASSWORD + "\"}")));
        YClientsSecretProvider provider = provider((apiBase, partnerOnly, login, password) -> ISSUED);
        List<String> texts = new ArrayList<>();

        texts.add(provider.secret().toString());
        texts.add(provider.credentials().toString());
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> provider.call(credentials -> {
            throw refused(Credential.USER_TOKEN);
        }));
        texts.add(stackTrace(refused));
        clock.advance(TTL.plusSeconds(1));
        provider.credentials();
        provider.beforeCheckpoint(null);

        assertFalse(captured.lines().isEmpty(), "the provider logs its decisions");
        texts.addAll(captured.lines());
        for (String text : texts) {
            assertQuotesNoSecret(text);
            assertFalse(text.contains(ISSUED), text);
        }
    }

    @Test
    void theCheckpointHookDropsTheCache() {
        YClientsSecretProvider provider = provider(null);
        provider.credentials();

        provider.beforeCheckpoint(null);
        provider.credentials();

        assertEquals(2, reads.get(), "read again after restore, not served from the snapshot");
    }

    private YClientsSecretProvider provider(UserTokenIssuer issuer) {
        return new YClientsSecretProvider(new SecretsManagerSecretSource(aws.secretsManager(), arn), issuer, clock, TTL,
                new DecisionLog("secret", captured, clock));
    }

    private void rotate(String userToken) {
        admin.putSecretValue(put -> put.secretId(arn).secretString(json(userToken)));
    }

    private static String json(String userToken) {
        return "{\"partnerToken\": \"" + PARTNER + "\"" + (userToken == null ? "" : ", \"userToken\": \"" + userToken + "\"")
                + ", \"companies\": [235564], \"webhookToken\": \"" + WEBHOOK + "\"}";
    }

    private static AuthenticationException refused(Credential credential) {
        return new AuthenticationException(401, "Не указан идентификатор партнера", "GET", "/records/235564", credential);
    }

    private static void assertQuotesNoSecret(String text) {
        for (String value : List.of(PARTNER, USER, PASSWORD, WEBHOOK, ROTATED_USER)) {
            assertFalse(text.contains(value), "a secret value appears in: " + text);
        }
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

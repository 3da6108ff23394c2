package io.ycbridge.app.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.table.TableDefinitions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Driven by events/phone-verification/ through the Lambda stream entry, against DynamoDB Local and moto's SNS. */
@ExtendWith({LocalDynamoDbExtension.class, MotoServerExtension.class})
class PhoneVerificationHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "+79990000000";
    private final DynamoDbClient dynamoDb;
    private final MotoSms sms;
    private PhoneVerificationHandler handler;

    PhoneVerificationHandlerTest(DynamoDbClient dynamoDb, MotoServer moto) {
        this.dynamoDb = dynamoDb;
        this.sms = new MotoSms(moto);
    }

    @BeforeEach
    void handler() {
        String table = TableDefinitions.PHONE_VERIFICATIONS.logicalId() + "-handler-" + System.nanoTime();
        TableDefinitions.PHONE_VERIFICATIONS.create(dynamoDb, table);
        Clock clock = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ZERO);
        handler = new PhoneVerificationHandler(new PhoneVerificationService(new PhoneVerificationStore(dynamoDb, table),
                sms.sender(), PhoneNormalizer.russia(), VerificationRules.DEFAULT, clock,
                new DecisionLog("phone-verification", new LogSink.Captured(), clock)));
    }

    private HttpResponse handle(String name, ApiRoute route) throws Exception {
        return handleEvent(Files.readString(Path.of("../../events/phone-verification/" + name + ".json")), route);
    }

    private HttpResponse handleEvent(String event, ApiRoute route) throws Exception {
        HttpResponse response = Invocations.httpAnswer(Invocations.invoke(handler, event.getBytes(StandardCharsets.UTF_8)));
        assertTrue(route.statuses().contains(response.status()), "declared in ApiRoute and openapi.yaml: " + response.status());
        return response;
    }

    @Test
    void sendThenProveThroughTheEventFiles() throws Exception {
        int before = sms.textsTo(PHONE).size();
        HttpResponse sent = handle("send-code", ApiRoute.PHONE_VERIFICATION_SEND);
        assertEquals(202, sent.status(), sent.body());
        assertEquals(600, JSON.readTree(sent.body()).path("expiresInSeconds").asInt());
        List<String> texts = sms.textsTo(PHONE);
        assertEquals(before + 1, texts.size());
        String code = sms.lastCodeTo(PHONE);

        String wrongCode = code.equals("000000") ? "111111" : "000000";
        String prove = Files.readString(Path.of("../../events/phone-verification/prove-code.json"));
        HttpResponse wrong = handleEvent(prove.replace("\\\"code\\\": \\\"000000\\\"", "\\\"code\\\": \\\"" + wrongCode + "\\\""),
                ApiRoute.PHONE_VERIFICATION_CHECK);
        assertEquals(422, wrong.status(), wrong.body());
        assertFalse(wrong.body().contains(wrongCode) || wrong.body().contains("9990000000"), "the reason quotes neither");

        HttpResponse proven = handleEvent(prove.replace("\\\"code\\\": \\\"000000\\\"", "\\\"code\\\": \\\"" + code + "\\\""),
                ApiRoute.PHONE_VERIFICATION_CHECK);
        assertEquals(200, proven.status(), proven.body());
        JsonNode body = JSON.readTree(proven.body());
        assertTrue(body.path("phoneVerified").asBoolean());
        assertTrue(Instant.parse(body.path("proofExpiresAt").asText()).isAfter(Instant.now()));
    }

    @Test
    void refusals() throws Exception {
        assertEquals(401, handle("no-subject", ApiRoute.PHONE_VERIFICATION_SEND).status());
        assertEquals(400, handle("malformed-body", ApiRoute.PHONE_VERIFICATION_SEND).status());
        HttpResponse invalid = handle("invalid-phone", ApiRoute.PHONE_VERIFICATION_SEND);
        assertEquals(400, invalid.status());
        assertFalse(invalid.body().contains("999"), invalid.body());
        HttpResponse code = handle("code-not-six-digits", ApiRoute.PHONE_VERIFICATION_CHECK);
        assertEquals(400, code.status());
        assertFalse(code.body().contains("12ab"), code.body());
        assertEquals(422, handle("prove-code", ApiRoute.PHONE_VERIFICATION_CHECK).status(), "no code was asked for");
    }

    @Test
    void aFullWindowIs429WithRetryAfter() throws Exception {
        HttpResponse last = null;
        for (int i = 0; i < 4; i++) {
            last = handle("send-code", ApiRoute.PHONE_VERIFICATION_SEND);
        }
        assertEquals(429, last.status(), last.body());
        long retryAfter = Long.parseLong(last.headers().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "seconds until the hour's window ends: " + retryAfter);
        assertFalse(last.body().contains("9990000000"));
    }
}

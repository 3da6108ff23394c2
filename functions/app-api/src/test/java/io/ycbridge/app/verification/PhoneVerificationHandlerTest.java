package io.ycbridge.app.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.trigger.TriggerJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

    private APIGatewayV2HTTPResponse handle(String name, ApiRoute route) throws Exception {
        return handleEvent(Files.readString(Path.of("../../events/phone-verification/" + name + ".json")), route);
    }

    private APIGatewayV2HTTPResponse handleEvent(String event, ApiRoute route) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        APIGatewayV2HTTPResponse response = TriggerJson.read(out.toByteArray(), APIGatewayV2HTTPResponse.class);
        assertTrue(route.statuses().contains(response.getStatusCode()), "declared in ApiRoute and openapi.yaml: " + response.getStatusCode());
        return response;
    }

    @Test
    void sendThenProveThroughTheEventFiles() throws Exception {
        int before = sms.textsTo(PHONE).size();
        APIGatewayV2HTTPResponse sent = handle("send-code", ApiRoute.PHONE_VERIFICATION_SEND);
        assertEquals(202, sent.getStatusCode(), sent.getBody());
        assertEquals(600, JSON.readTree(sent.getBody()).path("expiresInSeconds").asInt());
        List<String> texts = sms.textsTo(PHONE);
        assertEquals(before + 1, texts.size());
        String code = sms.lastCodeTo(PHONE);

        String wrongCode = code.equals("000000") ? "111111" : "000000";
        String prove = Files.readString(Path.of("../../events/phone-verification/prove-code.json"));
        APIGatewayV2HTTPResponse wrong = handleEvent(prove.replace("\\\"code\\\": \\\"000000\\\"", "\\\"code\\\": \\\"" + wrongCode + "\\\""),
                ApiRoute.PHONE_VERIFICATION_CHECK);
        assertEquals(422, wrong.getStatusCode(), wrong.getBody());
        assertFalse(wrong.getBody().contains(wrongCode) || wrong.getBody().contains("9990000000"), "the reason quotes neither");

        APIGatewayV2HTTPResponse proven = handleEvent(prove.replace("\\\"code\\\": \\\"000000\\\"", "\\\"code\\\": \\\"" + code + "\\\""),
                ApiRoute.PHONE_VERIFICATION_CHECK);
        assertEquals(200, proven.getStatusCode(), proven.getBody());
        JsonNode body = JSON.readTree(proven.getBody());
        assertTrue(body.path("phoneVerified").asBoolean());
        assertTrue(Instant.parse(body.path("proofExpiresAt").asText()).isAfter(Instant.now()));
    }

    @Test
    void refusals() throws Exception {
        assertEquals(401, handle("no-subject", ApiRoute.PHONE_VERIFICATION_SEND).getStatusCode());
        assertEquals(400, handle("malformed-body", ApiRoute.PHONE_VERIFICATION_SEND).getStatusCode());
        APIGatewayV2HTTPResponse invalid = handle("invalid-phone", ApiRoute.PHONE_VERIFICATION_SEND);
        assertEquals(400, invalid.getStatusCode());
        assertFalse(invalid.getBody().contains("999"), invalid.getBody());
        APIGatewayV2HTTPResponse code = handle("code-not-six-digits", ApiRoute.PHONE_VERIFICATION_CHECK);
        assertEquals(400, code.getStatusCode());
        assertFalse(code.getBody().contains("12ab"), code.getBody());
        assertEquals(422, handle("prove-code", ApiRoute.PHONE_VERIFICATION_CHECK).getStatusCode(), "no code was asked for");
    }

    @Test
    void aFullWindowIs429WithRetryAfter() throws Exception {
        APIGatewayV2HTTPResponse last = null;
        for (int i = 0; i < 4; i++) {
            last = handle("send-code", ApiRoute.PHONE_VERIFICATION_SEND);
        }
        assertEquals(429, last.getStatusCode(), last.getBody());
        long retryAfter = Long.parseLong(last.getHeaders().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "seconds until the hour's window ends: " + retryAfter);
        assertFalse(last.getBody().contains("9990000000"));
    }
}

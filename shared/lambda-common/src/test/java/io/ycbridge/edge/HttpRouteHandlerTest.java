package io.ycbridge.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** An HTTP API route through its Lambda entry point: bytes in, payload 2.0 response bytes out. */
class HttpRouteHandlerTest {
    /** Echoes the caller and the route, as a handler answers: through HttpRequest and HttpResponse. */
    static final class Echo extends HttpRouteHandler {
        @Override
        public HttpResponse handle(HttpRequest request, Context context) {
            return HttpResponse.json(200, Map.of("sub", String.valueOf(request.subject()),
                    "route", request.routeKey(), "body", request.bodyText()));
        }
    }

    private static JsonNode invoke(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Echo().handleRequest(new ByteArrayInputStream(input), out, null);
        return ApiJson.mapper().readTree(out.toByteArray());
    }

    @Test
    void anEventFileGoesThroughAndTheAnswerIsPayloadVersionTwo() throws IOException {
        JsonNode response = invoke(Files.readAllBytes(Path.of("../../events/profile/profile.json")));

        assertEquals(200, response.path("statusCode").asInt());
        assertEquals("application/json", response.path("headers").path("content-type").asText());
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        assertFalse(response.has("cookies"), response.toString());
        assertFalse(response.has("multiValueHeaders"), response.toString());
        JsonNode body = ApiJson.mapper().readTree(response.path("body").asText());
        assertEquals("user-sub-1", body.path("sub").asText());
        assertEquals("PUT /v1/me/profile", body.path("route").asText());
        assertTrue(body.path("body").asText().contains("Анна Смирнова"), body.toString());
    }

    @Test
    void aBase64BodyIsDecodedByTheRequest() throws IOException {
        JsonNode response = invoke("""
                {"routeKey":"PUT /v1/me/profile","isBase64Encoded":true,"body":"eyJhIjoxfQ=="}""".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\":1}", ApiJson.mapper().readTree(response.path("body").asText()).path("body").asText());
    }

    @TestFactory
    Stream<DynamicTest> undecodableInputIsA400WithAReason() {
        List<String> inputs = List.of("", "null", "not json at all +79991234567", "{\"headers\": [\"tok-SECRET\"]}",
                "[1, 2]", "{\"isBase64Encoded\": {\"x\": 1}}", "[".repeat(5_000), "{\"ignored\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        return java.util.stream.IntStream.range(0, inputs.size()).mapToObj(i -> DynamicTest.dynamicTest("input #" + i, () -> {
            JsonNode response = invoke(inputs.get(i).getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.path("statusCode").asInt(), response.toString());
            assertEquals("application/problem+json", response.path("headers").path("content-type").asText());
            JsonNode problem = ApiJson.mapper().readTree(response.path("body").asText());
            assertEquals(ProblemType.INVALID_REQUEST.uri(), problem.path("type").asText());
            assertEquals(400, problem.path("status").asInt());
            String reason = problem.path("detail").asText();
            assertTrue(reason.startsWith("the event "), reason);
            assertFalse(reason.contains("7999") || reason.contains("SECRET"), reason);
        }));
    }
}

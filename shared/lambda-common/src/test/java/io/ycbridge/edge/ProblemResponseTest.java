package io.ycbridge.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.yclients.ApiJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemResponseTest {
    @Test
    void aRefusalIsAnRfc9457ProblemWithItsTypeTitleStatusAndDetail() throws Exception {
        HttpResponse refused = HttpResponse.error(429, "too many codes this hour", Map.of("retry-after", "120"));

        assertEquals(429, refused.status());
        assertEquals("application/problem+json", refused.headers().get("content-type"));
        assertEquals("120", refused.headers().get("retry-after"));
        assertEquals("no-store", refused.headers().get("cache-control"));
        JsonNode problem = ApiJson.mapper().readTree(refused.body());
        assertEquals(List.of("type", "title", "status", "detail"), List.copyOf(iterable(problem)));
        assertEquals("urn:ycbridge:problem:rate-limited", problem.path("type").asText());
        assertEquals("Too many requests", problem.path("title").asText());
        assertEquals(429, problem.path("status").asInt());
        assertEquals("too many codes this hour", problem.path("detail").asText());
    }

    @Test
    void aStatusWithoutATypeOfItsOwnIsAboutBlank() throws Exception {
        JsonNode problem = ApiJson.mapper().readTree(HttpResponse.error(418, "no").body());
        assertEquals("about:blank", problem.path("type").asText());
        assertEquals(418, problem.path("status").asInt());
    }

    @Test
    void everyTypeHasItsOwnStatusAndUri() {
        assertEquals(ProblemType.values().length, java.util.Arrays.stream(ProblemType.values()).map(ProblemType::status).distinct().count());
        for (ProblemType type : ProblemType.values()) {
            assertEquals(type, ProblemType.forStatus(type.status()).orElseThrow());
            assertEquals(true, type.uri().startsWith(ProblemType.PREFIX));
        }
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

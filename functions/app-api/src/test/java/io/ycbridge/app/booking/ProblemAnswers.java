package io.ycbridge.app.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;

/** The booking and visits routes' answers as their tests read them: a problem that says why, or a JSON body. */
public final class ProblemAnswers {
    private ProblemAnswers() {
    }

    /** An RFC 9457 problem with this status whose detail says {@code reasonPart}, quoting no phone. */
    public static JsonNode assertProblem(int status, String reasonPart, HttpResponse response) throws IOException {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.headers().get("content-type"));
        JsonNode problem = ApiJson.mapper().readTree(response.body());
        assertTrue(problem.path("detail").asText().contains(reasonPart), problem.path("detail").asText());
        assertEquals(status, problem.path("status").asInt());
        assertNull(problem.get("phone"));
        assertTrue(!problem.toString().contains("7999"), "no phone in a problem: " + problem);
        return problem;
    }
}

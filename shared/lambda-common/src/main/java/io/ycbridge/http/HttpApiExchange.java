package io.ycbridge.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP API (payload v2) side of every app route, in one place so each handler reads the caller the same way:
 * the user is the JWT authorizer's verified {@code sub} and nothing else, and answers are JSON that is never cached
 * unless the route says so.
 */
public final class HttpApiExchange {
    private static final ObjectMapper JSON = ApiJson.mapper();
    /** Subjects longer than this are refused as no subject (Cognito's are 36 characters, Auth0's and Firebase's under 64). */
    public static final int MAX_SUBJECT_LENGTH = 256;

    private HttpApiExchange() {
    }

    /** The token subject from the authorizer's verified claims, or null; a header, parameter or body naming a user is never read. */
    public static String subject(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return null;
        }
        String sub = context.getAuthorizer().getJwt().getClaims().get("sub");
        // Longer than any identity provider's subject, and too long for a DynamoDB key ("USER#" + sub, 2 KB at most).
        return sub == null || sub.isBlank() || sub.length() > MAX_SUBJECT_LENGTH ? null : sub;
    }

    /**
     * The authorizer's verified claims, every value as text (as API Gateway passes them: a boolean claim arrives as
     * {@code "true"}); empty without an authorizer context. Only what the JWT authorizer verified: never a header.
     */
    public static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    public static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    /** A request header by name, any case: HTTP API lower-cases names, a test or a local proxy may not. */
    public static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** The request body as text, decoded when API Gateway base64-encoded it; empty when there is none. */
    public static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        return event.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.putIfAbsent("content-type", "application/json");
        headers.putIfAbsent("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(encode(body)).build();
    }

    /** A refusal in the app routes' shape, {@code {"error": "<reason>"}}; the reason must not quote personal data. */
    public static APIGatewayV2HTTPResponse error(int status, String reason) {
        return json(status, Map.of("error", reason));
    }

    public static String encode(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response did not encode", e);
        }
    }
}

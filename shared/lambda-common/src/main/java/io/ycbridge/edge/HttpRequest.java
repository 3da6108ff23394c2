package io.ycbridge.edge;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an app route's handler reads of an HTTP API (payload 2.0) request. The maps are empty, never null, when the
 * request has none; {@code body} is as API Gateway sent it, base64 when {@code base64Encoded}.
 *
 * @param claims the JWT authorizer's verified claims, every value as text (API Gateway passes a boolean claim as
 *               {@code "true"}); never a header's
 */
public record HttpRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> queryParameters,
                          Map<String, String> headers, String body, boolean base64Encoded, Map<String, String> claims) {
    /** Subjects longer than this are refused as no subject (Cognito's are 36 characters, Auth0's and Firebase's under 64). */
    public static final int MAX_SUBJECT_LENGTH = 256;

    public HttpRequest {
        pathParameters = readOnly(pathParameters);
        queryParameters = readOnly(queryParameters);
        headers = readOnly(headers);
        claims = readOnly(claims);
    }

    /** The token subject from the authorizer's verified claims, or null; a header, parameter or body naming a user is never read. */
    public String subject() {
        String sub = claims.get("sub");
        // Longer than any identity provider's subject, and too long for a DynamoDB key ("USER#" + sub, 2 KB at most).
        return sub == null || sub.isBlank() || sub.length() > MAX_SUBJECT_LENGTH ? null : sub;
    }

    /** A request header by name, any case: HTTP API lower-cases names, a test or a local proxy may not. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /**
     * The body's bytes, decoded when API Gateway base64-encoded it; empty when there is none.
     *
     * @throws IllegalArgumentException if the body is flagged as base64 but is not
     */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        return base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The body as text, decoded when API Gateway base64-encoded it; empty when there is none.
     *
     * @throws IllegalArgumentException if the body is flagged as base64 but is not
     */
    public String bodyText() {
        if (body == null) {
            return "";
        }
        return base64Encoded ? new String(bodyBytes(), StandardCharsets.UTF_8) : body;
    }

    /** A copy, so a caller's map cannot change the request; values may be null (a header sent as {@code null}). */
    private static Map<String, String> readOnly(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

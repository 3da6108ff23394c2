package io.ycbridge.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP API (payload 2.0) event as {@link HttpRequest}: {@code routeKey, pathParameters, queryStringParameters,
 * headers, body, isBase64Encoded} and {@code requestContext.authorizer.jwt.claims}, in the wire's names, matched
 * exactly. Nothing else is read, so nothing else can make a request undecodable.
 */
final class HttpApiReader {
    private HttpApiReader() {
    }

    static HttpRequest read(EventObject json) throws UndecodableEventException {
        Map<String, String> claims = null;
        EventObject context = json.object("requestContext");
        EventObject authorizer = context == null ? null : context.object("authorizer");
        EventObject jwt = authorizer == null ? null : authorizer.object("jwt");
        if (jwt != null) {
            claims = claims(jwt);
        }
        return new HttpRequest(json.text("routeKey"), json.textsByName("pathParameters"), json.textsByName("queryStringParameters"),
                json.textsByName("headers"), json.text("body"), json.flag("isBase64Encoded"), claims);
    }

    /**
     * The token's claims as text. API Gateway hands every claim over as a string (arrays already flattened to
     * {@code "[a b]"}), but a token's claims are JSON: a number or boolean is read as its text, as the runtime's own
     * decoding reads it, and an array or object as its JSON text — one odd claim the function never reads (an
     * {@code address}, a {@code groups} list) must not make the whole request undecodable.
     */
    private static Map<String, String> claims(EventObject jwt) throws UndecodableEventException {
        JsonNode claims = jwt.map("claims");
        if (claims == null) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> claim : claims.properties()) {
            JsonNode value = claim.getValue();
            texts.put(claim.getKey(), value.isNull() ? null : value.isContainerNode() ? value.toString() : value.asText());
        }
        return texts;
    }
}

package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * HTTP API payload format 2.0, both ways: a request as API Gateway hands it to the function (header names lower-cased
 * and repeated values joined with commas, cookies apart, query parameters decoded and joined, binary bodies in base64,
 * {@code requestContext.http} and the authorizer's claims), written as the JSON tree Lambda hands the function; and the
 * function's answer written back to the caller as API Gateway writes it.
 */
final class HttpApiPayload {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    // API Gateway passes these bodies as text and base64-encodes everything else.
    private static final Pattern TEXT_TYPE = Pattern.compile(
            "(text/.*|application/(json|.*\\+json|xml|.*\\+xml|javascript|x-www-form-urlencoded|graphql)).*", Pattern.CASE_INSENSITIVE);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HttpApiPayload() {
    }

    static ObjectNode event(HttpExchange exchange, String routeKey, Map<String, String> pathParameters,
                            Map<String, String> claims, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                });
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String contentType = headers.getOrDefault("content-type", "");
        boolean binary = body.length > 0 && !contentType.isEmpty() && !TEXT_TYPE.matcher(contentType).matches();
        Instant now = Instant.now();

        ObjectNode event = JSON.objectNode()
                .put("version", "2.0")
                .put("routeKey", routeKey)
                .put("rawPath", exchange.getRequestURI().getRawPath())
                .put("rawQueryString", rawQuery == null ? "" : rawQuery);
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        texts(event.putObject("headers"), headers);
        Map<String, String> query = query(rawQuery);
        if (query != null) {
            texts(event.putObject("queryStringParameters"), query);
        }
        if (!pathParameters.isEmpty()) {
            texts(event.putObject("pathParameters"), pathParameters);
        }
        ObjectNode context = event.putObject("requestContext")
                .put("routeKey", routeKey)
                .put("accountId", "000000000000")
                .put("apiId", "local")
                .put("stage", "$default")
                .put("domainName", headers.getOrDefault("host", "127.0.0.1"))
                .put("domainPrefix", "local")
                .put("requestId", UUID.randomUUID().toString())
                .put("time", REQUEST_TIME.format(now))
                .put("timeEpoch", now.toEpochMilli());
        ObjectNode http = context.putObject("http")
                .put("method", exchange.getRequestMethod())
                .put("path", exchange.getRequestURI().getRawPath())
                .put("protocol", exchange.getProtocol())
                .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        if (headers.containsKey("user-agent")) {
            http.put("userAgent", headers.get("user-agent"));
        }
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            texts(jwt.putObject("claims"), claims);
            String scope = claims.get("scope");
            if (scope != null) {
                List.of(scope.split(" ")).forEach(jwt.putArray("scopes")::add);
            }
        }
        if (body.length > 0) {
            event.put("body", binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", binary);
        return event;
    }

    private static void texts(ObjectNode object, Map<String, String> values) {
        values.forEach(object::put);
    }

    /** Decoded, repeated names joined with commas; null when there is no query, as API Gateway omits the field. */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** The function's answer ({@code statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded}) to the caller; its status. */
    static int write(HttpExchange exchange, JsonNode response) throws IOException {
        response.path("headers").properties().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue().asText()));
        response.path("multiValueHeaders").properties().forEach(header ->
                header.getValue().forEach(value -> exchange.getResponseHeaders().add(header.getKey(), value.asText())));
        response.path("cookies").forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie.asText()));
        JsonNode body = response.path("body");
        byte[] bytes = !body.isTextual() ? new byte[0]
                : response.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body.textValue())
                : body.textValue().getBytes(StandardCharsets.UTF_8);
        int status = response.path("statusCode").asInt();
        status = status == 0 ? 200 : status;
        send(exchange, status, bytes);
        return status;
    }

    /** API Gateway's own answers (401, 404, 500) are {@code {"message": ...}}. */
    static void message(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, JSON.objectNode().put("message", message).toString());
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        boolean empty = bytes.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}

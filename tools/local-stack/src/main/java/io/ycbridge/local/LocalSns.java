package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where SNS calls go locally: a loopback endpoint that answers Amazon SNS's Query protocol (a form body, an XML answer)
 * for what the functions ask of it. {@code Publish} to a {@code PhoneNumber} prints the SMS, code and all, so a
 * developer can finish the SMS flow by hand; the platform endpoint calls keep the app's devices
 * (CreatePlatformEndpoint returns the same endpoint for the same token, as SNS does), and {@code Publish} to a
 * {@code TargetArn} prints the push that device would get. Nothing is sent. Local only, never deployed: the functions
 * reach it through {@code AWS_ENDPOINT_URL_SNS}, exactly as they would reach SNS.
 */
final class LocalSns implements AutoCloseable {
    /** One message as SNS was asked to send it. */
    record Sms(String phoneNumber, String message) {
    }

    /** One push as SNS was asked to send it: the device's endpoint, the title and body the app would show. */
    record Push(String endpointArn, String title, String body) {
    }

    /** A device's endpoint: the token it pushes to, and whether it is enabled. */
    private record Endpoint(String token, boolean enabled) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final PrintStream out;
    private final List<Sms> sent = new ArrayList<>();
    private final List<Push> pushed = new ArrayList<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    LocalSns(PrintStream out) throws IOException {
        this.out = out;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<Sms> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Push> pushed() {
        return List.copyOf(pushed);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", "");
            synchronized (this) {
                switch (action) {
                    case "Publish" -> publish(exchange, form);
                    case "CreatePlatformEndpoint" -> createEndpoint(exchange, form);
                    case "GetEndpointAttributes" -> endpointAttributes(exchange, form);
                    case "SetEndpointAttributes" -> {
                        Endpoint endpoint = endpoints.get(form.get("EndpointArn"));
                        if (endpoint == null) {
                            notFound(exchange);
                            return;
                        }
                        endpoints.put(form.get("EndpointArn"), new Endpoint(attribute(form, "Token").orElse(endpoint.token()),
                                attribute(form, "Enabled").map(Boolean::parseBoolean).orElse(endpoint.enabled())));
                        ok(exchange, action, "");
                    }
                    case "DeleteEndpoint" -> {
                        endpoints.remove(form.get("EndpointArn"));
                        ok(exchange, action, "");
                    }
                    default -> reply(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                            + "<Message>the local SNS answers Publish and the platform endpoint calls only</Message></Error></ErrorResponse>");
                }
            }
        }
    }

    private void publish(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (form.get("PhoneNumber") != null) {
            Sms sms = new Sms(form.get("PhoneNumber"), form.getOrDefault("Message", ""));
            sent.add(sms);
            out.println("sms (local sink, not sent) to " + masked(sms.phoneNumber()) + ": " + sms.message());
        } else {
            String arn = form.getOrDefault("TargetArn", "");
            Endpoint endpoint = endpoints.get(arn);
            if (endpoint == null) {
                notFound(exchange);
                return;
            }
            if (!endpoint.enabled()) {
                reply(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>EndpointDisabled</Code>"
                        + "<Message>Endpoint is disabled</Message></Error></ErrorResponse>");
                return;
            }
            Push push = push(arn, form.getOrDefault("Message", "{}"));
            pushed.add(push);
            out.println("push (local sink, not sent) to SNS endpoint " + arn.substring(arn.lastIndexOf('/') + 1) + ": " + push.title() + " — " + push.body());
        }
        ok(exchange, "Publish", "<MessageId>" + UUID.randomUUID() + "</MessageId>");
    }

    private void createEndpoint(HttpExchange exchange, Map<String, String> form) throws IOException {
        String token = form.getOrDefault("Token", "");
        String application = form.getOrDefault("PlatformApplicationArn", "");
        String arn = endpoints.entrySet().stream().filter(entry -> entry.getValue().token().equals(token)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> application.replace(":app/", ":endpoint/") + "/" + UUID.randomUUID());
        endpoints.putIfAbsent(arn, new Endpoint(token, true));
        ok(exchange, "CreatePlatformEndpoint", "<EndpointArn>" + arn + "</EndpointArn>");
    }

    private void endpointAttributes(HttpExchange exchange, Map<String, String> form) throws IOException {
        Endpoint endpoint = endpoints.get(form.get("EndpointArn"));
        if (endpoint == null) {
            notFound(exchange);
            return;
        }
        ok(exchange, "GetEndpointAttributes", "<Attributes><entry><key>Enabled</key><value>" + endpoint.enabled()
                + "</value></entry><entry><key>Token</key><value>" + endpoint.token() + "</value></entry></Attributes>");
    }

    /** The title and body of the FCM payload (or the APNs one) of a Publish whose MessageStructure is json. */
    private static Push push(String arn, String message) {
        try {
            JsonNode payloads = JSON.readTree(message);
            JsonNode fcm = JSON.readTree(payloads.path("GCM").asText("{}")).path("notification");
            JsonNode apns = JSON.readTree(payloads.path("APNS").asText("{}")).path("aps").path("alert");
            JsonNode shown = fcm.isMissingNode() ? apns : fcm;
            return new Push(arn, shown.path("title").asText(""), shown.path("body").asText(payloads.path("default").asText("")));
        } catch (IOException e) {
            return new Push(arn, "", message);
        }
    }

    private static java.util.Optional<String> attribute(Map<String, String> form, String key) {
        for (int n = 1; form.containsKey("Attributes.entry." + n + ".key"); n++) {
            if (key.equals(form.get("Attributes.entry." + n + ".key"))) {
                return java.util.Optional.ofNullable(form.get("Attributes.entry." + n + ".value"));
            }
        }
        return java.util.Optional.empty();
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        reply(exchange, 404, "<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code><Message>Endpoint does not exist</Message></Error></ErrorResponse>");
    }

    private static void ok(HttpExchange exchange, String action, String result) throws IOException {
        reply(exchange, 200, "<" + action + "Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><" + action + "Result>" + result
                + "</" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** The demo's phones are no one's, but the habit holds: the log shows where a message went, not the number. */
    private static String masked(String phone) {
        return phone.length() < 6 ? "***" : phone.substring(0, 4) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 2);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

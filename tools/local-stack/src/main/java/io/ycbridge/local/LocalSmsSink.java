package io.ycbridge.local;

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
 * Where the phone-verification route's SMS go locally: a loopback endpoint that answers Amazon SNS's
 * {@code Publish} (the AWS Query protocol the SDK's SNS client speaks: a form body, an XML answer) and prints the
 * message — with the code in it — to stdout, so a developer can finish the SMS flow by hand. Local only, never
 * deployed: the function reaches it through {@code AWS_ENDPOINT_URL_SNS}, exactly as it would reach SNS.
 */
final class LocalSmsSink implements AutoCloseable {
    /** One message as SNS was asked to send it. */
    record Sms(String phoneNumber, String message) {
    }

    private final HttpServer server;
    private final PrintStream out;
    private final List<Sms> sent = new ArrayList<>();

    LocalSmsSink(PrintStream out) throws IOException {
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

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"Publish".equals(form.get("Action")) || form.get("PhoneNumber") == null) {
                reply(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code>"
                        + "<Message>the local SMS sink takes Publish with PhoneNumber only</Message></Error></ErrorResponse>");
                return;
            }
            Sms sms = new Sms(form.get("PhoneNumber"), form.getOrDefault("Message", ""));
            synchronized (this) {
                sent.add(sms);
            }
            out.println("sms (local sink, not sent) to " + masked(sms.phoneNumber()) + ": " + sms.message());
            reply(exchange, 200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                    + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                    + "</RequestId></ResponseMetadata></PublishResponse>");
        }
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

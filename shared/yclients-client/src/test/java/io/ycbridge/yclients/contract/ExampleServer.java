package io.ycbridge.yclients.contract;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A server that answers every request with one reference example, so the client decodes exactly the reference's
 * bytes through its own transport; it keeps the last request's method, path, query and body.
 */
final class ExampleServer implements AutoCloseable {
    private final HttpServer server;
    private volatile ReferenceExample answer;
    private volatile String method;
    private volatile String path;
    private volatile String query;
    private volatile String body;
    private volatile String authorization;

    private ExampleServer(HttpServer server) {
        this.server = server;
    }

    static ExampleServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExampleServer example = new ExampleServer(http);
            http.createContext("/", exchange -> {
                example.method = exchange.getRequestMethod();
                example.path = exchange.getRequestURI().getPath();
                example.query = exchange.getRequestURI().getRawQuery();
                example.body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                example.authorization = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] bytes = example.answer.text().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(example.answer.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            http.start();
            return example;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ExampleServer answering(ReferenceExample example) {
        this.answer = example;
        return this;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    String method() {
        return method;
    }

    /** The path after {@code /api/v1}. */
    String path() {
        return path.substring("/api/v1".length());
    }

    String query() {
        return query;
    }

    String body() {
        return body;
    }

    /** The last request's Authorization header: test tokens only. */
    String authorization() {
        return authorization;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

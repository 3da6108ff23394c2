package io.ycbridge.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API on loopback: template routes go through the JWT check (unless the route says {@code Authorizer: NONE})
 * and payload format 2.0 to their function; {@code /local/...} routes are the stack's own controls (sync now, book and
 * complete in the simulator) and exist only here. Loopback only: the local routes have no authentication, and the
 * webhook token is printed on the console.
 */
final class LocalApiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A function behind a route, and whether the route is behind the JWT authorizer. */
    record ApiTarget(LocalFunction function, boolean authorized) {
    }

    /** A local-only control; answers a status and a body Jackson writes. */
    interface LocalAction {
        Answer handle(Map<String, String> pathParameters, Map<String, String> query, byte[] body) throws Exception;
    }

    record Answer(int status, Object body) {
    }

    /** Refused before anything ran, with a reason safe to show (no token, no phone). */
    static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable<ApiTarget> api;
    private final RouteTable<LocalAction> local;
    private final LocalTokenIssuer authorizer;

    LocalApiServer(int port, RouteTable<ApiTarget> api, RouteTable<LocalAction> local, LocalTokenIssuer authorizer) throws IOException {
        this.api = api;
        this.local = local;
        this.authorizer = authorizer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(8, Thread.ofPlatform().name("local-api-", 0).daemon().factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String shown = "-";
        int status = 500;
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Optional<RouteTable.Match<LocalAction>> control = local.match(method, path);
            Optional<RouteTable.Match<ApiTarget>> route = api.match(method, path);
            if (control.isPresent()) {
                shown = control.get().routeKey();
                status = control(exchange, control.get(), body);
            } else if (route.isPresent()) {
                shown = route.get().routeKey();
                status = invoke(exchange, route.get(), body);
            } else {
                status = 404;
                HttpApiPayload.message(exchange, 404, "Not Found");
            }
        } catch (RuntimeException e) {
            // The class only: a message could carry a phone or a token from the request.
            System.err.println("local-api: " + shown + " failed: " + e.getClass().getName());
            status = 500;
            HttpApiPayload.message(exchange, 500, "Internal Server Error");
        } finally {
            // The route key, never the raw path: the webhook's path holds its token.
            System.err.printf("local-api: %s -> %d (%d ms)%n", shown.equals("-") ? method + " (no route)" : shown, status,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int invoke(HttpExchange exchange, RouteTable.Match<ApiTarget> match, byte[] body) throws IOException {
        Map<String, String> claims = null;
        if (match.target().authorized()) {
            Optional<Map<String, String>> verified = authorizer.verify(exchange.getRequestHeaders().getFirst("Authorization"));
            if (verified.isEmpty()) {
                HttpApiPayload.message(exchange, 401, "Unauthorized");
                return 401;
            }
            claims = verified.get();
        }
        return HttpApiPayload.write(exchange, match.target().function().invoke(
                HttpApiPayload.event(exchange, match.routeKey(), match.pathParameters(), claims, body)));
    }

    private int control(HttpExchange exchange, RouteTable.Match<LocalAction> match, byte[] body) throws IOException {
        Answer answer;
        try {
            Map<String, String> query = HttpApiPayload.query(exchange.getRequestURI().getRawQuery());
            answer = match.target().handle(match.pathParameters(), query == null ? Map.of() : query, body);
        } catch (Refusal refusal) {
            answer = new Answer(refusal.status, Map.of("message", refusal.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        HttpApiPayload.json(exchange, answer.status(), JSON.writeValueAsString(answer.body()));
        return answer.status();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

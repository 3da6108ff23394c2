package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare HTTP caller of the simulator for tests: real requests, no client library in between. */
final class Api {
    static final String BOTH = "Bearer " + SimulatorDefaults.PARTNER_TOKEN + ", User " + SimulatorDefaults.USER_TOKEN;
    static final String PARTNER_ONLY = "Bearer " + SimulatorDefaults.PARTNER_TOKEN;
    static final String V2 = "application/vnd.yclients.v2+json";
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String authorization;
    private final String accept;

    private Api(URI base, String authorization, String accept) {
        this.base = base;
        this.authorization = authorization;
        this.accept = accept;
    }

    static Api of(YClientsSimulator sim) {
        return new Api(sim.baseUri(), BOTH, V2);
    }

    /** Null sends no Authorization header at all. */
    Api auth(String header) {
        return new Api(base, header, accept);
    }

    /** Null sends no Accept header at all. */
    Api accept(String header) {
        return new Api(base, authorization, header);
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, body);
    }

    Answer send(String method, String pathAndQuery, String body) {
        return sendTo(URI.create(base + pathAndQuery), method, body);
    }

    Answer sendTo(URI uri, String method, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, HttpHeaders headers, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        JsonNode data() {
            return json().get("data");
        }

        /** The API's message from wherever this answer put it. */
        String message() {
            JsonNode body = json();
            JsonNode meta = body.path("meta").path("message");
            return meta.isMissingNode() ? body.path("errors").path("message").asText(null) : meta.asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}

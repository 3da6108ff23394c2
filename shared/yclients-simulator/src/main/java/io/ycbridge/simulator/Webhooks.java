package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Webhook deliveries in YClients' body shape: {@code company_id}, {@code resource}, {@code resource_id},
 * {@code status} and the full record in {@code data} (as a single-record answer writes it). Like the real
 * sender, it signs nothing and adds no event id; send the same body twice or out of order to test idempotency.
 */
public final class Webhooks implements AutoCloseable {
    private static final Set<String> STATUSES = Set.of("create", "update", "delete");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SimulatorData data;
    private HttpClient http;
    private volatile Supplier<URI> onlineBookingTarget;

    Webhooks(SimulatorData data) {
        this.data = data;
    }

    /**
     * From now on, a booking made, cancelled or moved through the online-booking API is followed by its webhook to
     * {@code target}, sent from another thread a moment later as YClients' own would be: what the local stack needs for
     * the app's native booking to reach our intake. Tests leave it off and deliver what they mean to.
     */
    public void forwardOnlineBookings(Supplier<URI> target) {
        this.onlineBookingTarget = Objects.requireNonNull(target, "target");
    }

    void onlineBookingChanged(long companyId, long recordId, String status) {
        Supplier<URI> target = onlineBookingTarget;
        if (target == null) {
            return;
        }
        Thread.ofVirtual().name("simulator-webhook-" + recordId).start(() -> {
            try {
                deliver(target.get(), companyId, recordId, status);
            } catch (RuntimeException failed) {
                // As YClients' own: a failed notification is not retried; the sync reads the record later.
            }
        });
    }

    /** The body YClients would POST for this record now; {@code status} is create, update or delete. */
    public String body(long companyId, long recordId, String status) {
        return Json.write(bodyJson(companyId, recordId, status));
    }

    /** POSTs {@link #body} to the target and returns the HTTP status it answered. */
    public int deliver(URI target, long companyId, long recordId, String status) {
        return deliver(target, body(companyId, recordId, status));
    }

    /** POSTs any body, e.g. an older one again, to replay a duplicate or out-of-order delivery. */
    public int deliver(URI target, String body) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("webhook delivery to " + target.getHost() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering a webhook", e);
        }
    }

    /**
     * Delivers to every URL the company configured through {@code /hooks_settings}, if the settings are active and
     * the record switch is on, as YClients would; returns each URL's answer status in order (none if switched off).
     */
    public List<Integer> deliverToSubscribers(long companyId, long recordId, String status) {
        HookSettings settings = data.hookSettings(companyId)
                .orElseThrow(() -> new IllegalArgumentException("no company " + companyId));
        List<Integer> statuses = new ArrayList<>();
        if (!settings.delivers("record")) {
            return statuses;
        }
        String body = body(companyId, recordId, status);
        for (String url : settings.urls()) {
            statuses.add(deliver(URI.create(url), body));
        }
        return statuses;
    }

    private JsonNode bodyJson(long companyId, long recordId, String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status is create, update or delete, not " + status);
        }
        JsonNode record = data.recordJson(companyId, recordId)
                .orElseThrow(() -> new IllegalArgumentException("no record " + recordId + " in company " + companyId));
        ObjectNode body = Json.object();
        body.put("company_id", companyId);
        body.put("resource", "record");
        body.put("resource_id", recordId);
        body.put("status", status);
        body.set("data", record);
        return body;
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.shutdownNow();
            http = null;
        }
    }
}

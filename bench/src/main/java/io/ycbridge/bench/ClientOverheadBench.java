package io.ycbridge.bench;

import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.RecordQuery;
import io.ycbridge.yclients.RetryPolicy;
import io.ycbridge.yclients.YClientsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The client's cost per call against a raw {@link HttpClient} call for the same bytes from the simulator, measured
 * interleaved in one run so both see the same machine state. The raw call sends the same headers and reads the body
 * as a string; the client also decodes the envelope into typed models. Rate limiting is off for both: it is a policy,
 * not overhead. A second records baseline also parses the body into a Jackson tree with the client's mapper, the
 * least any JSON consumer does: against it the ratio is what typed decoding costs beyond reading the JSON at all.
 * Usage: {@code bench/run ClientOverhead [iterations]}.
 */
public final class ClientOverheadBench {
    private static final long COMPANY = 235564;

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        try (YClientsSimulator sim = YClientsSimulator.start()) {
            sim.seed(SimulatorSeed.demo());
            for (int i = 0; i < 200; i++) {
                sim.data().createRecord(COMPANY, 4001, 55, List.of(301L), LocalDateTime.of(2027, 1, 1, 9, 0).plusHours(i));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Credentials credentials = new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN);
            YClientsClient client = YClientsClient.builder().baseUri(sim.baseUri()).credentials(credentials)
                    .httpClient(http).rateLimiter(RateLimiter.UNLIMITED).retryPolicy(RetryPolicy.NONE).build();
            RecordQuery page = RecordQuery.visitsBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)).pageSize(200);
            URI staffUri = URI.create(sim.baseUri() + "/company/" + COMPANY + "/staff");
            URI recordsUri = URI.create(sim.baseUri() + "/records/" + COMPANY + "?page=1&count=200&start_date=2027-01-01&end_date=2027-01-31");

            System.out.printf("ClientOverhead: %d interleaved iterations per contestant, simulator on loopback, %d CPUs, %s%n",
                    iterations, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.println(Samples.header());
            compare(iterations, "raw HttpClient GET staff (string body)", () -> raw(http, staffUri, credentials, null),
                    "YClientsClient.staff (typed models)", () -> client.staff(COMPANY).size());
            // The client sets a request timeout (20 s); the JDK arms a timer per request for it, which is not free.
            compare(iterations, "raw HttpClient GET staff, 20 s timeout", () -> raw(http, staffUri, credentials, Duration.ofSeconds(20)),
                    "YClientsClient.staff (typed models)", () -> client.staff(COMPANY).size());
            compare(iterations / 3, "raw HttpClient GET records, 200 (string)", () -> raw(http, recordsUri, credentials, null),
                    "YClientsClient.records page of 200", () -> client.records(COMPANY, page).iterator().next().size());
            compare(iterations / 3, "raw GET records, 200, 20 s timeout, readTree", () -> rawTree(http, recordsUri, credentials),
                    "YClientsClient.records page of 200", () -> client.records(COMPANY, page).iterator().next().size());
        }
    }

    static void compare(int iterations, String baselineName, LongSupplier baseline, String contenderName, LongSupplier contender) {
        for (int i = 0; i < iterations / 2; i++) {
            baseline.getAsLong();
            contender.getAsLong();
        }
        Samples base = new Samples(baselineName, iterations);
        Samples other = new Samples(contenderName, iterations);
        for (int i = 0; i < iterations; i++) {
            // Alternate the order so neither side always runs on a warmer connection or cache.
            if (i % 2 == 0) {
                time(base, baseline);
                time(other, contender);
            } else {
                time(other, contender);
                time(base, baseline);
            }
        }
        System.out.println(base.row(base));
        System.out.println(other.row(base));
    }

    private static void time(Samples samples, LongSupplier work) {
        long start = System.nanoTime();
        long result = work.getAsLong();
        samples.add(System.nanoTime() - start);
        if (result < 0) {
            throw new IllegalStateException("unreachable; keeps the result alive");
        }
    }

    /** The raw call as the client makes it (timeout, bytes), its body parsed into a tree: JSON read, nothing typed. */
    private static long rawTree(HttpClient http, URI uri, Credentials credentials) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Accept", "application/vnd.yclients.v2+json")
                    .header("Authorization", credentials.authorizationHeader())
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build();
            return ApiJson.mapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body()).path("data").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long raw(HttpClient http, URI uri, Credentials credentials, Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Accept", "application/vnd.yclients.v2+json")
                    .header("Authorization", credentials.authorizationHeader())
                    .GET();
            if (timeout != null) {
                request.timeout(timeout);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body().length();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

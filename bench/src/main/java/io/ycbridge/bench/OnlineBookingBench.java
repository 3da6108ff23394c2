package io.ycbridge.bench;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.app.booking.OnlineBookingHandler;
import io.ycbridge.app.booking.OnlineBookingWiring;
import io.ycbridge.app.profile.Profile;
import io.ycbridge.app.profile.ProfileStore;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.sync.CatalogSyncWiring;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.RetryPolicy;
import io.ycbridge.yclients.YClientsClient;
import io.ycbridge.yclients.model.BookingAppointment;
import io.ycbridge.yclients.model.BookingRequest;
import io.ycbridge.yclients.ApiTimestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The online-booking routes against the calls they make, interleaved in one run: {@code GET /v1/booking/times}
 * answered from its cache, and with the cache missed (each request a new day), against a direct {@code book_times}
 * from the client; {@code POST /v1/bookings} end to end against its {@code book_check} + {@code book_record} made
 * directly — the API calls once unlimited, once through the partner token's shared schedule as every caller must make
 * them (one DynamoDB write each). The routes run through {@code OnlineBookingHandler(Config)} as deployed: the secret, DynamoDB Local for
 * the tables and the shared rate limiter (its limits set high, so it costs its DynamoDB write but never waits). Twice:
 * the simulator as fast as loopback, and with 40 ms added per request, nearer the real API's latency.
 * Usage: {@code bench/run OnlineBooking [iterations]}.
 */
public final class OnlineBookingBench {
    private static final long COMPANY = SimulatorSeed.DEMO_SALON_ID;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final String USER = "bench-user";

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.printf("OnlineBooking: %d interleaved iterations per contestant; simulator, DynamoDB Local in this JVM; %d CPUs, %s%n",
                iterations, Runtime.getRuntime().availableProcessors(), Runtime.version());
        for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(40))) {
            run(iterations, latency);
        }
    }

    private static void run(int iterations, Duration latency) {
        try (YClientsSimulator sim = YClientsSimulator.start(); LocalDynamoDb local = LocalDynamoDb.start()) {
            sim.seed(SimulatorSeed.demo());
            sim.clock().set(Instant.parse("2026-12-01T05:00:00Z"));
            sim.bookingForms().requirePhoneConfirmation(COMPANY, false);
            Map<String, String> environment = SimulatedSettings.of(sim, local);
            environment.put(EnvVar.COMPANY_IDS.name(), Long.toString(COMPANY));
            environment.put(EnvVar.BOOKING_FORMS.name(), COMPANY + ":n239661.yclients.com");
            Config config = Config.of(environment);
            CatalogSyncWiring.from(config).service().syncAll(List.of(COMPANY), Instant.now().plusSeconds(60));
            AwsClients aws = AwsClients.from(config);
            new ProfileStore(aws.dynamoDb(), TableDefinitions.PROFILES.logicalId())
                    .put(new Profile(USER, "Анна Смирнова", "+79990000000", null, null, Instant.now()));
            BonusAccrualService.from(config, aws).linkProvenPhone(USER, "+79990000000");
            OnlineBookingHandler handler = new OnlineBookingHandler(config);
            YClientsAccess limited = OnlineBookingWiring.api(config, aws);
            YClientsClient direct = YClientsClient.builder().baseUri(sim.baseUri())
                    .credentials(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                    .rateLimiter(RateLimiter.UNLIMITED).retryPolicy(RetryPolicy.NONE).build();
            if (!latency.isZero()) {
                sim.faults().always(Fault.latency(latency));
            }
            System.out.printf("%nsimulator latency %d ms per request%n", latency.toMillis());
            System.out.println(Samples.header());

            LocalDate day = LocalDate.of(2026, 12, 3);
            AtomicInteger days = new AtomicInteger();
            ClientOverheadBench.compare(iterations, "direct book_times (client)", () -> direct.bookableTimes(COMPANY, 55, day, List.of(301L)).size(),
                    "GET /v1/booking/times, cached", () -> answered(handler, times(day), 200));
            ClientOverheadBench.compare(iterations, "direct book_times, a new day each", () -> direct.bookableTimes(COMPANY, 55, nextDay(days), List.of(301L)).size(),
                    "GET /v1/booking/times, a new day each (uncached)", () -> answered(handler, times(nextDay(days)), 200));
            // The same call as every caller of the partner token must make it: through the shared schedule (a DynamoDB write).
            ClientOverheadBench.compare(iterations, "book_times via the shared limiter, new day", () -> limited.call(client -> client
                            .bookableTimes(COMPANY, 55, nextDay(days), List.of(301L))).size(),
                    "GET /v1/booking/times, a new day each (uncached)", () -> answered(handler, times(nextDay(days)), 200));

            AtomicInteger slots = new AtomicInteger();
            AtomicInteger keys = new AtomicInteger();
            int bookings = Math.min(iterations / 2, 100);
            ClientOverheadBench.compare(bookings, "check + record via the shared limiter", () -> {
                int slot = slots.getAndIncrement();
                List<BookingAppointment> appointment = List.of(new BookingAppointment(1, List.of(301L), staffOf(slot),
                        ApiTimestamp.of(slot(slot).toOffsetDateTime())));
                return limited.call(client -> {
                    client.checkBooking(COMPANY, appointment);
                    return client.book(COMPANY, new BookingRequest("79165550000", "Ольга", null, null, null, "bench-" + keys.incrementAndGet(),
                            appointment));
                }).size();
            }, "POST /v1/bookings (check + record + our tables)", () -> {
                int slot = slots.getAndIncrement();
                String body = "{\"company\":" + COMPANY + ",\"services\":[301],\"staff\":" + staffOf(slot) + ",\"datetime\":\""
                        + slot(slot).toOffsetDateTime() + "\"}";
                return answered(handler, new HttpRequest("POST /v1/bookings", Map.of(), Map.of(),
                        Map.of("idempotency-key", "bench-key-" + keys.incrementAndGet(), "content-type", "application/json"), body, false,
                        Map.of("sub", USER)), 201);
            });
        }
    }

    /** Hour slots 10:00–19:00 of masters 55 and 56 from 2026-12-02 on, one per booking of either contestant. */
    private static java.time.ZonedDateTime slot(int index) {
        int perDay = 20;
        return LocalDate.of(2026, 12, 2).plusDays(index / perDay).atTime(10 + (index % perDay) / 2, 0).atZone(MOSCOW);
    }

    private static long staffOf(int index) {
        return index % 2 == 0 ? 55 : 56;
    }

    /** Never the same day twice, so no answer is in the cache; past the simulator's 30 days the list is empty for both. */
    private static LocalDate nextDay(AtomicInteger days) {
        return LocalDate.of(2026, 12, 2).plusDays(days.getAndIncrement());
    }

    private static HttpRequest times(LocalDate day) {
        return new HttpRequest("GET /v1/booking/times", Map.of(),
                Map.of("company", Long.toString(COMPANY), "service", "301", "staff", "55", "date", day.toString()), Map.of(), null, false,
                Map.of("sub", USER));
    }

    private static long answered(OnlineBookingHandler handler, HttpRequest request, int status) {
        HttpResponse response = handler.handle(request, null);
        if (response.status() != status) {
            throw new IllegalStateException(request.routeKey() + " answered " + response.status() + ": " + response.body());
        }
        return response.body().length();
    }
}

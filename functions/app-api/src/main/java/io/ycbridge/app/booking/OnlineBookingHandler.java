package io.ycbridge.app.booking;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.app.QueryIds;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The app's native booking behind the JWT authorizer: {@code GET /v1/booking/services|staff|dates|times} for what
 * can be booked, {@code POST /v1/bookings} (with {@code Idempotency-Key}) to book it. Needs the YClients secret,
 * COMPANY_IDS, CATALOG_TABLE, PROFILES_TABLE, USER_LINKS_TABLE, BOOKINGS_TABLE, SYNC_STATE_TABLE (the shared rate
 * limiter) and BOOKING_FORMS (the link a 503 falls back on).
 */
public final class OnlineBookingHandler extends HttpRouteHandler {
    private static final String KEY_PATTERN = "[\\x21-\\x7E]{1,255}";
    private final Supplier<Routes> routes;

    private record Routes(AvailabilityService availability, BookingService booking) {
    }

    public OnlineBookingHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack, which has no process environment to set. */
    public OnlineBookingHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public OnlineBookingHandler(LiveSettings settings) {
        this.routes = settings.bind(config -> {
            OnlineBookingWiring wiring = OnlineBookingWiring.from(config);
            return new Routes(wiring.availability(), wiring.booking());
        });
    }

    OnlineBookingHandler(AvailabilityService availability, BookingService booking) {
        Routes fixed = new Routes(availability, booking);
        this.routes = () -> fixed;
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String user = request.subject();
        if (user == null) {
            return HttpResponse.error(401, "no user: the request carries no token subject");
        }
        try {
            Routes routes = this.routes.get();
            if (request.routeKey().equals("POST /v1/bookings")) {
                return routes.booking().book(user, idempotencyKey(request), BookingOrder.parse(request.bodyBytes()));
            }
            Map<String, String> query = request.queryParameters();
            AvailabilityService.Choice choice = new AvailabilityService.Choice(user, QueryIds.company(query), BookingQuery.services(query),
                    BookingQuery.staff(query), datetime(query));
            AvailabilityService availability = routes.availability();
            return switch (request.routeKey()) {
                case "GET /v1/booking/services" -> HttpResponse.json(200, availability.services(choice));
                case "GET /v1/booking/staff" -> HttpResponse.json(200, availability.staff(choice));
                case "GET /v1/booking/dates" -> HttpResponse.json(200, availability.dates(choice, month(query)));
                case "GET /v1/booking/times" -> HttpResponse.json(200, availability.times(choice, date(query)));
                default -> HttpResponse.error(404, "no route " + request.routeKey() + " here");
            };
        } catch (RequestRefused refused) {
            return refused.answer();
        }
    }

    private static String idempotencyKey(HttpRequest request) {
        String key = request.header("idempotency-key");
        if (key == null || !key.matches(KEY_PATTERN)) {
            throw new RequestRefused(400, "the Idempotency-Key header is required: 1 to 255 visible ASCII characters, new for each booking "
                    + "and the same on its retries", Map.of("field", "Idempotency-Key"), Map.of());
        }
        return key;
    }

    private static OffsetDateTime datetime(Map<String, String> query) {
        String text = query.get("datetime");
        return text == null || text.isBlank() ? null : BookingTime.parse(text);
    }

    private static LocalDate date(Map<String, String> query) {
        String text = query.get("date");
        if (text == null || text.isBlank()) {
            throw new RequestRefused(400, "date is required: yyyy-MM-dd, a day from GET /v1/booking/dates");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RequestRefused(400, "date must be yyyy-MM-dd");
        }
    }

    private static YearMonth month(Map<String, String> query) {
        String text = query.get("month");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RequestRefused(400, "month must be yyyy-MM");
        }
    }
}

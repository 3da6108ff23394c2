package io.ycbridge.app.visits;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.app.RequestBody;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.app.booking.BookingStore;
import io.ycbridge.app.booking.BookingTime;
import io.ycbridge.app.booking.OnlineBookingWiring;
import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.EntityTag;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.record.RecordStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v1/me/visits} (the caller's visits, cursor pages, ETag), {@code DELETE /v1/me/visits/{id}} (cancel) and
 * {@code PUT /v1/me/visits/{id}} (move to another time), behind the JWT authorizer. Needs the YClients secret,
 * COMPANY_IDS, RECORDS_TABLE, USER_LINKS_TABLE, BONUS_LEDGER_TABLE, BOOKINGS_TABLE, CATALOG_TABLE and SYNC_STATE_TABLE.
 */
public final class VisitsHandler extends HttpRouteHandler {
    /** The list changes whenever a visit does; the app keeps its copy only while the ETag matches. */
    private static final String CACHE_CONTROL = "private, no-cache";
    private final Supplier<VisitsService> service;

    public VisitsHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack, which has no process environment to set. */
    public VisitsHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public VisitsHandler(LiveSettings settings) {
        this.service = settings.bind(VisitsHandler::fromConfig);
    }

    /** With a service made elsewhere: the handlers' tests and the contract test. */
    public VisitsHandler(VisitsService service) {
        this.service = () -> service;
    }

    static VisitsService fromConfig(Config config) {
        AwsClients aws = AwsClients.from(config);
        Clock clock = Clock.systemUTC();
        return new VisitsService(new HashSet<>(config.requireIds(EnvVar.COMPANY_IDS)),
                new UserLinkStore(aws.dynamoDb(), config.require(EnvVar.USER_LINKS_TABLE)),
                new VisitReader(aws.dynamoDb(), config.require(EnvVar.RECORDS_TABLE)),
                new RecordStore(aws.dynamoDb(), config.require(EnvVar.RECORDS_TABLE)),
                new BonusLedgerStore(aws.dynamoDb(), config.require(EnvVar.BONUS_LEDGER_TABLE)),
                new BookingStore(aws.dynamoDb(), config.require(EnvVar.BOOKINGS_TABLE)),
                CatalogReader.fromConfig(config, aws.dynamoDb()),
                OnlineBookingWiring.api(config, aws),
                clock,
                new DecisionLog("visits", LogSink.STDOUT, clock));
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String user = request.subject();
        if (user == null) {
            return HttpResponse.error(401, "no user: the request carries no token subject");
        }
        try {
            VisitsService visits = service.get();
            return switch (request.routeKey()) {
                case "GET /v1/me/visits" -> list(visits, user, request);
                case "DELETE /v1/me/visits/{id}" -> {
                    visits.cancel(user, VisitId.parse(request.pathParameters().get("id")));
                    yield HttpResponse.noContent();
                }
                case "PUT /v1/me/visits/{id}" -> HttpResponse.json(200,
                        visits.move(user, VisitId.parse(request.pathParameters().get("id")), newTime(request.bodyBytes())));
                default -> HttpResponse.error(404, "no route " + request.routeKey() + " here");
            };
        } catch (RequestRefused refused) {
            return refused.answer();
        }
    }

    private static HttpResponse list(VisitsService visits, String user, HttpRequest request) {
        Map<String, String> query = request.queryParameters();
        String body = HttpResponse.encode(visits.list(user, VisitReader.When.parse(query.get("when")), limit(query.get("limit")),
                blankToNull(query.get("cursor"))));
        return EntityTag.answer(body, request.header("if-none-match"), CACHE_CONTROL);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return VisitsService.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= VisitsService.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RequestRefused(400, "limit must be 1 to " + VisitsService.MAX_LIMIT);
    }

    private static OffsetDateTime newTime(byte[] body) {
        JsonNode datetime = RequestBody.object(body).path("datetime");
        return BookingTime.parse(datetime.isTextual() ? datetime.asText() : null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

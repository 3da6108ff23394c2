package io.ycbridge.app.booking;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.app.QueryIds;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.app.profile.ProfileStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v1/booking-url?company=…[&service=…][&staff=…]} behind the HTTP API's JWT authorizer: the online-booking
 * link for the calling user. Needs CATALOG_TABLE, PROFILES_TABLE, COMPANY_IDS and BOOKING_FORMS; no YClients secret.
 */
public final class BookingLinkHandler extends HttpRouteHandler {
    private final Supplier<BookingLinkService> service;

    public BookingLinkHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack, which has no process environment to set. */
    public BookingLinkHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public BookingLinkHandler(LiveSettings settings) {
        this(settings.bind(BookingLinkHandler::fromEnvironment));
    }

    BookingLinkHandler(BookingLinkService service) {
        this(() -> service);
    }

    private BookingLinkHandler(Supplier<BookingLinkService> service) {
        this.service = service;
    }

    static BookingLinkService fromEnvironment(Config config) {
        AwsClients aws = AwsClients.from(config);
        return new BookingLinkService(
                new HashSet<>(config.requireIds(EnvVar.COMPANY_IDS)),
                BookingForms.from(config),
                CatalogReader.fromConfig(config, aws.dynamoDb()),
                new ProfileStore(aws.dynamoDb(), config.require(EnvVar.PROFILES_TABLE)),
                new BookingLinkFormat());
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String user = request.subject();
        if (user == null) {
            return HttpResponse.error(401, "no user: the request carries no token subject");
        }
        try {
            Map<String, String> query = request.queryParameters();
            long company = QueryIds.company(query);
            List<Long> services = BookingQuery.services(query);
            StaffChoice staff = BookingQuery.staff(query);
            return HttpResponse.json(200, service.get().link(user, company, services, staff));
        } catch (RequestRefused refused) {
            return HttpResponse.error(refused.status(), refused.getMessage());
        }
    }
}

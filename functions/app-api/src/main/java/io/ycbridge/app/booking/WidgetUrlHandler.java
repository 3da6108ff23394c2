package io.ycbridge.app.booking;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.http.HttpApiHandler;
import io.ycbridge.app.profile.ProfileStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/booking-url?company=…[&service=…][&staff=…]} behind the HTTP API's JWT authorizer: the online-booking
 * link for the calling user. Needs CATALOG_TABLE, PROFILES_TABLE, COMPANY_IDS and BOOKING_FORMS; no YClients secret.
 */
public final class WidgetUrlHandler extends HttpApiHandler {
    private final BookingUrlService service;

    public WidgetUrlHandler() {
        this(Config.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack, which has no process environment to set. */
    public WidgetUrlHandler(Config config) {
        this(fromEnvironment(config));
    }

    WidgetUrlHandler(BookingUrlService service) {
        this.service = service;
    }

    static BookingUrlService fromEnvironment(Config config) {
        AwsClients aws = AwsClients.from(config);
        return new BookingUrlService(
                new HashSet<>(config.requireIds(EnvVar.COMPANY_IDS)),
                BookingForms.from(config),
                new AppCatalogService(new CatalogStore(aws.dynamoDb(), config.require(EnvVar.CATALOG_TABLE), Clock.systemUTC())),
                new ProfileStore(aws.dynamoDb(), config.require(EnvVar.PROFILES_TABLE)),
                new BookingLinkService());
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        String user = HttpExchange.subject(event);
        if (user == null) {
            return HttpExchange.error(401, "no user: the request carries no token subject");
        }
        try {
            Map<String, String> query = HttpExchange.query(event);
            long company = HttpExchange.company(query);
            List<Long> services = HttpExchange.services(query);
            StaffChoice staff = HttpExchange.staff(query);
            return HttpExchange.json(200, service.link(user, company, services, staff), Map.of());
        } catch (RequestRefused refused) {
            return HttpExchange.error(refused.status(), refused.getMessage());
        }
    }
}

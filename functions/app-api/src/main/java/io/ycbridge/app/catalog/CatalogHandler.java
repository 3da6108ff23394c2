package io.ycbridge.app.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.app.QueryIds;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.EntityTag;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /v1/catalog?company=…}: the company's bookable services (with categories, prices, durations) and staff.
 * The ETag is a hash of the body, so it changes exactly when what the app shows changes (a sync that rewrote nothing
 * visible keeps it); {@code If-None-Match} with it answers 304 and the app keeps its copy.
 */
public final class CatalogHandler extends HttpRouteHandler {
    /** The app must ask again each time (a catalog can change every 30 minutes) but may reuse its copy on a 304. */
    private static final String CACHE_CONTROL = "private, no-cache";
    private final Supplier<Served> served;

    public CatalogHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack, which has no process environment to set. */
    public CatalogHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change (the companies served are one). */
    public CatalogHandler(LiveSettings settings) {
        this.served = settings.bind(config -> new Served(new HashSet<>(config.requireIds(EnvVar.COMPANY_IDS)),
                CatalogReader.fromConfig(config, AwsClients.from(config).dynamoDb())));
    }

    public CatalogHandler(Set<Long> companies, CatalogReader catalog) {
        Served fixed = new Served(companies, catalog);
        this.served = () -> fixed;
    }

    private record Served(Set<Long> companies, CatalogReader catalog) {
        Served {
            companies = Set.copyOf(companies);
        }
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        if (request.subject() == null) {
            return HttpResponse.error(401, "no user: the request carries no token subject");
        }
        Served served = this.served.get();
        try {
            long company = QueryIds.company(request.queryParameters());
            if (!served.companies().contains(company)) {
                throw new RequestRefused(404, "company " + company + " is not served here");
            }
            String body = HttpResponse.encode(served.catalog().load(company).catalog());
            return EntityTag.answer(body, request.header("if-none-match"), CACHE_CONTROL);
        } catch (RequestRefused refused) {
            return HttpResponse.error(refused.status(), refused.getMessage());
        }
    }
}

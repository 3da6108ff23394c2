package io.ycbridge.app.bonus;

import io.ycbridge.aws.LiveSettings;
import io.ycbridge.bonus.BalancePage;
import io.ycbridge.bonus.BonusAccrualService;
import java.util.function.Supplier;
import static io.ycbridge.edge.HttpResponse.error;
import static io.ycbridge.edge.HttpResponse.json;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.config.Config;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/me/bonus?limit=&cursor=} for the app, behind the HTTP API's JWT authorizer. The user is the token's
 * {@code sub} and nothing else: the route takes no user parameter, so no request can name another user's balance,
 * and a cursor only positions within the caller's own entries.
 */
public final class BonusBalanceHandler extends HttpRouteHandler {
    static final int DEFAULT_LIMIT = 20;
    private final Supplier<BonusAccrualService> service;

    public BonusBalanceHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack and the template check, which have no process environment to set. */
    public BonusBalanceHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change (the bonus percent is one). */
    public BonusBalanceHandler(LiveSettings settings) {
        this(settings.bind(config -> BonusAccrualService.from(config, AwsClients.from(config))));
    }

    public BonusBalanceHandler(BonusAccrualService service) {
        this(() -> service);
    }

    private BonusBalanceHandler(Supplier<BonusAccrualService> service) {
        this.service = service;
    }

    /** The response body. Money as decimal strings ("297.00"): a JSON number becomes a binary float in most app code. */
    record Body(String balance, List<Entry> entries, String nextCursor) {
    }

    /**
     * One entry as the app sees it; {@code at} is the record version (YClients' change time) it belongs to, or when it
     * happened on the card; {@code source} says where it came from (visit, operator, card, reconciliation) and
     * {@code reason} why, where a person or the reconciliation gave one.
     */
    record Entry(String id, String kind, String amount, long companyId, long recordId, String at, String source, String reason) {
    }


    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String user = request.subject();
        if (user == null) {
            return error(401, "no user: the request carries no token subject");
        }
        Map<String, String> query = request.queryParameters();
        int limit;
        try {
            limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : DEFAULT_LIMIT;
        } catch (NumberFormatException e) {
            return error(400, "limit must be a whole number from 1 to 100");
        }
        if (limit < 1 || limit > 100) {
            return error(400, "limit must be a whole number from 1 to 100");
        }
        BalancePage page;
        try {
            page = service.get().balance(user, limit, query.get("cursor"));
        } catch (BonusAccrualService.BadCursorException e) {
            return error(400, e.getMessage());
        }
        return json(200, new Body(page.balance().toPlainString(), page.entries().stream()
                .map(entry -> new Entry(entry.id(), entry.kind().name(), entry.amount().toPlainString(), entry.companyId(), entry.recordId(),
                        entry.version().toString(), entry.origin().source().name().toLowerCase(java.util.Locale.ROOT), entry.origin().reason()))
                .toList(), page.nextCursor()));
    }
}

package io.ycbridge.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.api.YClientsAccess;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.edge.UndecodableEventException;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordStore;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.RequestObserver;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /v1/yclients/webhook/{token}}: translates the HTTP API event to {@link WebhookService} and back. Built
 * once per execution environment from the environment; nothing here reads the network until a delivery arrives.
 */
public final class WebhookIntakeHandler extends HttpRouteHandler {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

    private final Supplier<WebhookService> service;

    public WebhookIntakeHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack and benchmarks, which have no process environment to set. */
    public WebhookIntakeHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change (the companies served are one). */
    public WebhookIntakeHandler(LiveSettings settings) {
        this(settings.bind(WebhookIntakeHandler::fromEnvironment));
    }

    WebhookIntakeHandler(WebhookService service) {
        this(() -> service);
    }

    private WebhookIntakeHandler(Supplier<WebhookService> service) {
        this.service = service;
    }

    static WebhookService fromEnvironment(Config config) {
        AwsClients aws = AwsClients.from(config);
        Clock clock = Clock.systemUTC();
        YClientsAccess api = YClientsAccess.fromConfig(config, aws, RequestObserver.NONE);
        // The company's phone region as the sync learned it; read once per company here, not once per delivery.
        SyncStateStore companies = new SyncStateStore(aws.dynamoDb(), config.require(EnvVar.SYNC_STATE_TABLE));
        DecisionLog log = new DecisionLog("webhook-intake", LogSink.STDOUT, clock);
        return new WebhookService(
                new WebhookTokenCheck(now -> api.secrets().secret().acceptedWebhookTokens(now), api.secrets()::invalidate, clock),
                new HashSet<>(config.requireIds(EnvVar.COMPANY_IDS)),
                config.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow")),
                new RecordNormalizer(PhoneRegions.fromConfig(config).withCompanyData(companies::phoneRegion, clock, log)),
                new RecordStore(aws.dynamoDb(), config.require(EnvVar.RECORDS_TABLE)),
                (companyId, recordId) -> api.call(client -> client.record(companyId, recordId)),
                companies,
                log,
                new EmfMetrics("webhook-intake", LogSink.STDOUT, clock),
                clock);
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        return response(service.get().accept(request.pathParameters().get("token"), body(request)));
    }

    /** In the deliveries' own shape, so whoever invoked the function directly reads it like any refusal. */
    @Override
    protected HttpResponse undecodable(UndecodableEventException problem) {
        return response(DeliveryResult.single(IntakeResult.refused(IntakeOutcome.REJECTED, problem.getMessage())));
    }

    private static HttpResponse response(DeliveryResult result) {
        return new HttpResponse(result.status(), JSON_HEADERS, responseBody(result));
    }

    /** Undecodable base64 is no body at all: the service refuses it in the deliveries' own words. */
    private static byte[] body(HttpRequest request) {
        try {
            return request.bodyBytes();
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    /**
     * A stranger learns nothing: 401 has no reason. Everyone else gets the outcome, and refusals a short reason; a
     * batch gets that for each element, in order, under {@code events}, and as its own outcome the word for its status.
     */
    private static String responseBody(DeliveryResult result) {
        ObjectNode body = JSON.createObjectNode();
        // The element that decided the status speaks for the whole delivery; a batch's list has every element.
        result.decidedBy().ifPresentOrElse(event -> describe(event, body), () -> body.put("outcome", IntakeOutcome.STORED.metric()));
        if (result.batch()) {
            ArrayNode events = body.putArray("events");
            result.events().forEach(event -> describe(event, events.addObject()));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return "{\"outcome\":\"" + result.events().getFirst().outcome().metric() + "\"}";
        }
    }

    private static void describe(IntakeResult result, ObjectNode into) {
        into.put("outcome", result.outcome().metric());
        if (result.reason() != null && result.outcome() != IntakeOutcome.UNAUTHORIZED) {
            into.put("reason", result.reason());
        }
    }
}

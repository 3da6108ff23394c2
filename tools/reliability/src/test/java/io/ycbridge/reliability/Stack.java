package io.ycbridge.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.bonus.BonusAccrualHandler;
import io.ycbridge.app.bonus.BonusBalanceHandler;
import io.ycbridge.app.profile.ProfileHandler;
import io.ycbridge.config.Config;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.sync.CatalogSyncHandler;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.app.verification.PhoneVerificationHandler;
import io.ycbridge.webhook.WebhookIntakeHandler;
import io.ycbridge.app.booking.CatalogHandler;
import io.ycbridge.app.booking.WidgetUrlHandler;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole application on one machine, wired as Lambda wires it: every handler through its public {@code Config}
 * constructor, tables on DynamoDB Local (unique names per stack), the secret from the environment source with the
 * simulator as YClients. The simulator's clock starts days before the real one, because the sync reads up to the
 * real now.
 */
final class Stack implements AutoCloseable {
    static final ObjectMapper JSON = ApiJson.mapper();
    static final String WEBHOOK_TOKEN = "wh-3f9c2a7e51d84b06a9e2c4d8b1f7e6a0";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final java.net.URI endpoint;
    private final DynamoDbClient dynamoDb;
    final YClientsSimulator sim;
    final Map<String, String> tables = new LinkedHashMap<>();
    final Map<String, String> env = new HashMap<>();
    private final Config config;
    private WebhookIntakeHandler webhook;
    private CatalogSyncHandler sync;
    private CatalogHandler catalog;
    private WidgetUrlHandler widget;
    private ProfileHandler profile;
    private PhoneVerificationHandler phoneVerification;
    private BonusBalanceHandler balance;
    private BonusAccrualHandler accrual;

    Stack(LocalDynamoDb dynamo, String companyIds, Map<String, String> extra) {
        this(dynamo.endpoint(), dynamo.client(), companyIds, extra);
    }

    /** On a DynamoDB Local started elsewhere (the log-capture scenario runs in a child JVM). */
    Stack(java.net.URI endpoint, DynamoDbClient dynamoDb, String companyIds, Map<String, String> extra) {
        this.endpoint = endpoint;
        this.dynamoDb = dynamoDb;
        this.sim = YClientsSimulator.start();
        sim.clock().set(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(5)));
        String suffix = "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        table("RECORDS_TABLE", TableDefinitions.RECORDS, "records" + suffix);
        table("CATALOG_TABLE", TableDefinitions.CATALOG, "catalog" + suffix);
        table("SYNC_STATE_TABLE", TableDefinitions.SYNC_STATE, "sync-state" + suffix);
        table("BONUS_LEDGER_TABLE", TableDefinitions.BONUS_LEDGER, "ledger" + suffix);
        table("USER_LINKS_TABLE", TableDefinitions.USER_LINKS, "links" + suffix);
        table("PROFILES_TABLE", TableDefinitions.PROFILES, "profiles" + suffix);
        table("PHONE_VERIFICATIONS_TABLE", TableDefinitions.PHONE_VERIFICATIONS, "phone-verifications" + suffix);
        env.put("AWS_REGION", LocalDynamoDb.REGION.id());
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("COMPANY_IDS", companyIds);
        env.put("COMPANY_TIME_ZONE", "Europe/Moscow");
        env.put("YCLIENTS_SECRET_SOURCE", "env");
        env.put("YCLIENTS_PARTNER_TOKEN", SimulatorDefaults.PARTNER_TOKEN);
        env.put("YCLIENTS_USER_TOKEN", SimulatorDefaults.USER_TOKEN);
        env.put("YCLIENTS_BASE_URL", sim.baseUri().toString());
        env.put("YCLIENTS_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        env.put("YCLIENTS_RATE_PER_SECOND", "1000");
        env.put("YCLIENTS_RATE_PER_MINUTE", "100000");
        env.put("SYNC_BACKFILL_DAYS", "30");
        env.put("BOOKING_FORMS", "235564:n239661.yclients.com,1169323:n1180001.alteg.io");
        env.put("BONUS_PERCENT", "5");
        env.put("BONUS_ROUNDING_SCALE", "2");
        env.put("BONUS_ROUNDING_MODE", "HALF_UP");
        env.putAll(extra);
        this.config = Config.of(env);
    }

    private void table(String variable, TableDefinition definition, String name) {
        definition.create(dynamoDb, name);
        tables.put(variable, name);
        env.put(variable, name);
    }

    String table(String variable) {
        return tables.get(variable);
    }

    DynamoDbClient client() {
        return dynamoDb;
    }

    Config config() {
        return config;
    }

    synchronized WebhookIntakeHandler webhook() {
        return webhook == null ? webhook = new WebhookIntakeHandler(config) : webhook;
    }

    synchronized CatalogHandler catalog() {
        return catalog == null ? catalog = new CatalogHandler(config) : catalog;
    }

    synchronized WidgetUrlHandler widget() {
        return widget == null ? widget = new WidgetUrlHandler(config) : widget;
    }

    synchronized ProfileHandler profile() {
        return profile == null ? profile = new ProfileHandler(config) : profile;
    }

    synchronized PhoneVerificationHandler phoneVerification() {
        return phoneVerification == null ? phoneVerification = new PhoneVerificationHandler(config) : phoneVerification;
    }

    synchronized BonusBalanceHandler balance() {
        return balance == null ? balance = new BonusBalanceHandler(config) : balance;
    }

    synchronized BonusAccrualHandler accrual() {
        return accrual == null ? accrual = new BonusAccrualHandler(config) : accrual;
    }

    synchronized CatalogSyncHandler syncHandler() {
        return sync == null ? sync = new CatalogSyncHandler(config) : sync;
    }

    /** One on-demand sync of a company, as {@code events/catalog-sync/backfill.json} without a window; the result. */
    JsonNode sync(long companyId) {
        return syncRaw("{\"companyId\": " + companyId + "}");
    }

    JsonNode syncRaw(String event) {
        return sync(syncHandler(), event);
    }

    static JsonNode sync(CatalogSyncHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StreamDrain stream(int batchSize) {
        return new StreamDrain(endpoint, dynamoDb, table("RECORDS_TABLE"), accrual(), batchSize);
    }

    APIGatewayV2HTTPResponse deliver(String body) {
        return webhook().handle(webhookEvent(WEBHOOK_TOKEN, body), null);
    }

    static APIGatewayV2HTTPEvent webhookEvent(String token, String body) {
        Map<String, String> path = new HashMap<>();
        if (token != null) {
            path.put("token", token);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /v1/yclients/webhook/{token}")
                .withRawPath("/v1/yclients/webhook/" + token)
                .withHeaders(Map.of("content-type", "application/json", "user-agent", "YClients-Webhook"))
                .withPathParameters(path)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/v1/yclients/webhook/" + token).build())
                        .build())
                .build();
    }

    /** A mobile request as the HTTP API's JWT authorizer passes it on; {@code claims} null: no authorizer context. */
    static APIGatewayV2HTTPEvent mobile(String method, String path, Map<String, String> query, Map<String, String> headers,
                                        String body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(method + " " + path)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
        }
        Map<String, String> allHeaders = new HashMap<>();
        allHeaders.put("accept", "application/json");
        if (headers != null) {
            allHeaders.putAll(headers);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withQueryStringParameters(query)
                .withHeaders(allHeaders)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context.build())
                .build();
    }

    static Map<String, String> claims(String sub) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", sub);
        claims.put("iss", "https://auth.example.com/");
        claims.put("aud", "ycapp");
        return claims;
    }

    /**
     * PUT /v1/me/profile for a user whose token proves the phone: its OpenID Connect claims {@code phone_number} (the
     * same phone, in the notation given) and {@code phone_number_verified}, as the HTTP API's authorizer passes them.
     */
    APIGatewayV2HTTPResponse putProfile(String sub, String name, String phone) {
        Map<String, String> claims = claims(sub);
        claims.put("phone_number", phone);
        claims.put("phone_number_verified", "true");
        return putProfile(sub, name, phone, claims);
    }

    /** PUT /v1/me/profile with a token that says nothing of a phone: the phone is unproven, contact data only. */
    APIGatewayV2HTTPResponse putProfileUnproven(String sub, String name, String phone) {
        return putProfile(sub, name, phone, claims(sub));
    }

    private APIGatewayV2HTTPResponse putProfile(String sub, String name, String phone, Map<String, String> claims) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        try {
            return profile().handle(mobile("PUT", "/v1/me/profile", null, Map.of("content-type", "application/json"),
                    JSON.writeValueAsString(body), claims), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    APIGatewayV2HTTPResponse myBonus(String sub, Map<String, String> query) {
        return balance().handle(mobile("GET", "/v1/me/bonus", query, null, null, sub == null ? null : claims(sub)), null);
    }

    APIGatewayV2HTTPResponse catalogOf(long company, String sub) {
        return catalog().handle(mobile("GET", "/v1/catalog", Map.of("company", Long.toString(company)), null, null,
                sub == null ? null : claims(sub)), null);
    }

    static long seed(long fallback) {
        return Long.getLong("ycbridge.seed", fallback);
    }

    @Override
    public void close() {
        sim.close();
    }
}

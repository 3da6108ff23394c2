package io.ycbridge.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.bonus.BonusAccrualHandler;
import io.ycbridge.app.bonus.BonusBalanceHandler;
import io.ycbridge.app.profile.ProfileHandler;
import io.ycbridge.config.Config;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.edge.Trigger;
import io.ycbridge.event.VisitEventsHandler;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.ops.OpsCli;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.sync.CatalogSyncService;
import io.ycbridge.sync.CatalogSyncWiring;
import io.ycbridge.sync.SummaryJson;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.app.verification.PhoneVerificationHandler;
import io.ycbridge.webhook.WebhookIntakeHandler;
import io.ycbridge.app.catalog.CatalogHandler;
import io.ycbridge.app.booking.BookingLinkHandler;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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
    private CatalogSyncService sync;
    private CatalogHandler catalog;
    private BookingLinkHandler widget;
    private ProfileHandler profile;
    private PhoneVerificationHandler phoneVerification;
    private BonusBalanceHandler balance;
    private BonusAccrualHandler accrual;
    private SqsClient sqs;
    private String queueUrl;
    /** Every on-failure record sent to the queue, in order. */
    final List<ObjectNode> deadLetters = new ArrayList<>();

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
        table("BOOKINGS_TABLE", TableDefinitions.BOOKINGS, "bookings" + suffix);
        table("PUSH_TABLE", TableDefinitions.PUSH, "push" + suffix);
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

    synchronized BookingLinkHandler widget() {
        return widget == null ? widget = new BookingLinkHandler(config) : widget;
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

    /** The sync's service as the deployed function wires it, called in-process as the local stack calls it. */
    synchronized CatalogSyncService syncService() {
        return sync == null ? sync = CatalogSyncWiring.from(config).service() : sync;
    }

    /** One sync of a company, as its SyncQueue message {@code {"companyId": …}} runs it; the result. */
    JsonNode sync(long companyId) {
        return sync(syncService(), Clock.systemUTC(), companyId);
    }

    /** {@code service}'s sync of a company with the function's 15 minutes by {@code clock}, in the summary's words. */
    static JsonNode sync(CatalogSyncService service, Clock clock, long companyId) {
        return SummaryJson.of(service.sync(companyId, clock.instant().plus(Duration.ofMinutes(15))));
    }

    StreamDrain stream(int batchSize) {
        BonusAccrualHandler handler = accrual();
        return new StreamDrain(endpoint, dynamoDb, table("RECORDS_TABLE"), StreamDrain.FUNCTION_ARN, batch -> handler.handle(batch, null),
                batchSize);
    }

    /**
     * As the template wires the stream: batches failing past {@code maximumRetryAttempts} are given up to
     * {@code deadLetters} as Lambda's on-failure records (usually {@link #deadLetter}).
     */
    StreamDrain stream(int batchSize, int maximumRetryAttempts, java.util.function.Consumer<ObjectNode> deadLetters) {
        BonusAccrualHandler handler = accrual();
        return new StreamDrain(endpoint, dynamoDb, table("RECORDS_TABLE"), StreamDrain.FUNCTION_ARN, batch -> handler.handle(batch, null),
                batchSize, maximumRetryAttempts, deadLetters);
    }

    /**
     * The records stream's second reader, as the template's second mapping on it: {@code VisitEventsHandler} from the
     * stack's configuration, publishing to the bus {@code EVENT_BUS_NAME} and {@code AWS_ENDPOINT_URL_EVENTBRIDGE} name.
     * Nothing may be given up: a batch still failing after {@link StreamDrain#MAX_ATTEMPTS} fails the test.
     */
    StreamDrain visitEventsStream(int batchSize) {
        VisitEventsHandler handler = new VisitEventsHandler(config);
        return new StreamDrain(endpoint, dynamoDb, table("RECORDS_TABLE"), StreamDrain.VISIT_EVENTS_ARN, batch -> handler.handle(batch, null),
                batchSize);
    }

    /** Another reader of the records stream from its start, e.g. a mutant of the visit events function. */
    StreamDrain streamReader(String functionArn, Function<List<StreamChange>, BatchItemFailures> function, int batchSize) {
        return new StreamDrain(endpoint, dynamoDb, table("RECORDS_TABLE"), functionArn, function, batchSize);
    }

    /**
     * BonusDeadLetterQueue on moto's SQS, named in the environment as the ops CLI reads it (the functions never read
     * it: Lambda's event source mapping writes there).
     */
    synchronized String deadLetterQueue(MotoServer moto) {
        if (sqs == null) {
            sqs = SqsClient.builder().endpointOverride(moto.endpoint())
                    .region(MotoServer.REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            queueUrl = sqs.createQueue(r -> r.queueName("BonusDeadLetterQueue-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime()))
                    .queueUrl();
            env.put("AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
            env.put("BONUS_DEAD_LETTER_QUEUE_URL", queueUrl);
        }
        return queueUrl;
    }

    /** What Lambda's mapping does with a batch past its retries: its on-failure record, sent to the queue. */
    void deadLetter(ObjectNode onFailureRecord) {
        if (sqs == null) {
            throw new IllegalStateException("no dead-letter queue: call deadLetterQueue(moto) first");
        }
        try {
            String body = JSON.writeValueAsString(onFailureRecord);
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
            deadLetters.add(onFailureRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./ycbridge ops recover-accruals …} in-process, with the operator's view of this stack's configuration. */
    OpsRun recoverAccruals(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "recover-accruals";
        System.arraycopy(args, 0, all, 1, args.length);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new OpsCli(Map.copyOf(env), print, print, Clock.systemUTC()).run(all);
        return new OpsRun(code, out.toString(StandardCharsets.UTF_8));
    }

    record OpsRun(int code, String out) {
    }

    HttpResponse deliver(String body) {
        return webhook().handle(webhookEvent(WEBHOOK_TOKEN, body), null);
    }

    static HttpRequest webhookEvent(String token, String body) {
        return read(webhookEventJson(token, body));
    }

    /** A YClients delivery as API Gateway hands it to the function (payload 2.0); {@code token} null: no path parameter. */
    static ObjectNode webhookEventJson(String token, String body) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "POST /v1/yclients/webhook/{token}")
                .put("rawPath", "/v1/yclients/webhook/" + token);
        event.putObject("headers").put("content-type", "application/json").put("user-agent", "YClients-Webhook");
        ObjectNode path = event.putObject("pathParameters");
        if (token != null) {
            path.put("token", token);
        }
        event.put("body", body).put("isBase64Encoded", false);
        event.putObject("requestContext").putObject("http").put("method", "POST").put("path", "/v1/yclients/webhook/" + token);
        return event;
    }

    /** A mobile request as the HTTP API's JWT authorizer passes it on; {@code claims} null: no authorizer context. */
    static HttpRequest mobile(String method, String path, Map<String, String> query, Map<String, String> headers,
                              String body, Map<String, String> claims) {
        return read(mobileJson(method, path, query, headers, body, claims));
    }

    static ObjectNode mobileJson(String method, String path, Map<String, String> query, Map<String, String> headers,
                                 String body, Map<String, String> claims) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", method + " " + path)
                .put("rawPath", path);
        if (query != null) {
            texts(event.putObject("queryStringParameters"), query);
        }
        ObjectNode allHeaders = event.putObject("headers").put("accept", "application/json");
        if (headers != null) {
            texts(allHeaders, headers);
        }
        event.put("body", body).put("isBase64Encoded", false);
        ObjectNode context = event.putObject("requestContext").put("routeKey", method + " " + path);
        context.putObject("http").put("method", method).put("path", path);
        if (claims != null) {
            texts(context.putObject("authorizer").putObject("jwt").putObject("claims"), claims);
        }
        return event;
    }

    private static void texts(ObjectNode object, Map<String, String> values) {
        values.forEach(object::put);
    }

    /** An event as the function reads it, through the HTTP API trigger's own reader. */
    static HttpRequest read(JsonNode event) {
        try {
            return Trigger.HTTP_API.read(JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    HttpResponse putProfile(String sub, String name, String phone) {
        Map<String, String> claims = claims(sub);
        claims.put("phone_number", phone);
        claims.put("phone_number_verified", "true");
        return putProfile(sub, name, phone, claims);
    }

    /** PUT /v1/me/profile with a token that says nothing of a phone: the phone is unproven, contact data only. */
    HttpResponse putProfileUnproven(String sub, String name, String phone) {
        return putProfile(sub, name, phone, claims(sub));
    }

    private HttpResponse putProfile(String sub, String name, String phone, Map<String, String> claims) {
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

    HttpResponse myBonus(String sub, Map<String, String> query) {
        return balance().handle(mobile("GET", "/v1/me/bonus", query, null, null, sub == null ? null : claims(sub)), null);
    }

    HttpResponse catalogOf(long company, String sub) {
        return catalog().handle(mobile("GET", "/v1/catalog", Map.of("company", Long.toString(company)), null, null,
                sub == null ? null : claims(sub)), null);
    }

    static long seed(long fallback) {
        return Long.getLong("ycbridge.seed", fallback);
    }

    @Override
    public void close() {
        sim.close();
        if (sqs != null) {
            sqs.close();
        }
    }
}

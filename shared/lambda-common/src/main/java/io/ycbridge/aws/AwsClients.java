package io.ycbridge.aws;

import io.ycbridge.config.Config;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK clients of one execution environment. Make one in the handler's no-arg constructor (Lambda calls it
 * once per environment) and pass the clients into the stores; never build clients per request.
 *
 * <p>Each client is made on first use — a function that never reads the secret never pays for a Secrets Manager
 * client — and all share one url-connection HTTP client: the lightest start-up of the SDK's HTTP clients, and
 * enough for Lambda's one request at a time. Building a client fetches no credentials (the SDK resolves them on the
 * first call), so making them during SnapStart's init phase captures nothing secret.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsSettings settings;
    private final ClientOverrideConfiguration overrides;
    private final SdkHttpClient http;
    private final Once<DynamoDbClient> dynamoDb;
    private final Once<SecretsManagerClient> secretsManager;

    public AwsClients(AwsSettings settings) {
        this(settings, ClientOverrideConfiguration.builder().build());
    }

    /** With SDK overrides (e.g. an execution interceptor that counts calls in a test). */
    public AwsClients(AwsSettings settings, ClientOverrideConfiguration overrides) {
        this.settings = settings;
        this.overrides = overrides;
        this.http = UrlConnectionHttpClient.create();
        this.dynamoDb = new Once<>(() -> configure(DynamoDbClient.builder()).build());
        // Not a lambda: linking one loads the types of its signature, and the jars of functions that never read the
        // secret (bonus-accrual, app-api) leave the Secrets Manager module out. A class is loaded only when it runs.
        this.secretsManager = new Once<>(new Supplier<>() {
            @Override
            public SecretsManagerClient get() {
                return configure(SecretsManagerClient.builder()).build();
            }
        });
    }

    public static AwsClients from(Config config) {
        return new AwsClients(AwsSettings.from(config));
    }

    public AwsSettings settings() {
        return settings;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager.get();
    }

    /** This environment's one HTTP client, for the call made without a service module (SNS Publish, in the app-api jar). */
    public SdkHttpClient http() {
        return http;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        return settings.configure(builder, http).overrideConfiguration(overrides);
    }

    @Override
    public void close() {
        closeIfMade(dynamoDb);
        closeIfMade(secretsManager);
        http.close();
    }

    /** Typed as any client, for the reason above. */
    private static void closeIfMade(Once<? extends SdkAutoCloseable> client) {
        client.ifPresent(SdkAutoCloseable::close);
    }
}

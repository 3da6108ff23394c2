package io.ycbridge.aws;

import io.ycbridge.config.Config;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

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
    private final Once<SnsClient> sns;

    public AwsClients(AwsSettings settings) {
        this(settings, ClientOverrideConfiguration.builder().build());
    }

    /** With SDK overrides (e.g. an execution interceptor that counts calls in a test). */
    public AwsClients(AwsSettings settings, ClientOverrideConfiguration overrides) {
        this.settings = settings;
        this.overrides = overrides;
        this.http = UrlConnectionHttpClient.create();
        this.dynamoDb = new Once<>(() -> configure(DynamoDbClient.builder()).build());
        this.secretsManager = new Once<>(() -> configure(SecretsManagerClient.builder()).build());
        // Referenced only inside this supplier and sns(): a jar without the SNS module (every function but phone
        // verification) never loads an SNS class.
        this.sns = new Once<>(() -> settings.configure(SnsClient.builder(), http, AwsSettings.SNS).overrideConfiguration(overrides).build());
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

    /** SNS, for the SMS codes; its module is an optional dependency of lambda-common, declared by the function that sends. */
    public SnsClient sns() {
        return sns.get();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        return settings.configure(builder, http).overrideConfiguration(overrides);
    }

    @Override
    public void close() {
        dynamoDb.ifPresent(DynamoDbClient::close);
        secretsManager.ifPresent(SecretsManagerClient::close);
        sns.ifPresent(client -> client.close());
        http.close();
    }
}

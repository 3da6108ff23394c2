package io.ycbridge.aws;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Where the AWS clients point. {@code endpoint} is set only for local runs (DynamoDB Local, moto, LocalStack);
 * {@code serviceEndpoints} overrides it for one service called without an SDK client (SNS, which the phone-verification route
 * calls, goes to moto or the local stack's SMS sink while DynamoDB goes to DynamoDB Local; SSM, where the settings are). Then, unless the environment names an access key, the clients sign with dummy credentials,
 * because a local endpoint must never make the SDK go looking for a real account.
 */
public record AwsSettings(Region region, Optional<URI> endpoint, boolean dummyCredentials, Map<String, URI> serviceEndpoints) {
    /** The key of SNS in {@link #serviceEndpoints}, as in {@code AWS_ENDPOINT_URL_SNS}. */
    public static final String SNS = "SNS";
    /** The key of SQS in {@link #serviceEndpoints}, as in {@code AWS_ENDPOINT_URL_SQS}. */
    public static final String SQS = "SQS";
    /** The key of EventBridge in {@link #serviceEndpoints}, as in {@code AWS_ENDPOINT_URL_EVENTBRIDGE}. */
    public static final String EVENTBRIDGE = "EVENTBRIDGE";

    public AwsSettings {
        java.util.Objects.requireNonNull(region, "region");
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        serviceEndpoints = serviceEndpoints == null ? Map.of() : Map.copyOf(serviceEndpoints);
    }

    public AwsSettings(Region region, Optional<URI> endpoint, boolean dummyCredentials) {
        this(region, endpoint, dummyCredentials, Map.of());
    }

    /**
     * Reads {@code AWS_REGION} (required), {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_SNS},
     * {@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL_SQS} and {@code AWS_ENDPOINT_URL_EVENTBRIDGE} (optional; the SDK's own names for one service's endpoint).
     */
    public static AwsSettings from(Config config) {
        Region region = config.require(EnvVar.AWS_REGION, "a region id such as eu-central-1", Region::of);
        Optional<URI> endpoint = config.optionalUri(EnvVar.AWS_ENDPOINT_URL);
        Map<String, URI> services = new java.util.HashMap<>();
        config.optionalUri(EnvVar.AWS_ENDPOINT_URL_SNS).ifPresent(uri -> services.put(SNS, uri));
        config.optionalUri(EnvVar.AWS_ENDPOINT_URL_SSM).ifPresent(uri -> services.put(SsmParameter.SSM, uri));
        config.optionalUri(EnvVar.AWS_ENDPOINT_URL_SQS).ifPresent(uri -> services.put(SQS, uri));
        config.optionalUri(EnvVar.AWS_ENDPOINT_URL_EVENTBRIDGE).ifPresent(uri -> services.put(EVENTBRIDGE, uri));
        boolean local = endpoint.isPresent() || !services.isEmpty();
        boolean dummy = local && config.optional("AWS_ACCESS_KEY_ID").isEmpty();
        return new AwsSettings(region, endpoint, dummy, services);
    }

    /**
     * Points an SDK client builder here: region, the given HTTP client, the local endpoint and dummy credentials when
     * set. Every client of the functions is built through this, whichever service module it comes from.
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http) {
        builder.region(region).httpClient(http);
        endpoint.ifPresent(builder::endpointOverride);
        if (dummyCredentials) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder;
    }

    /** As {@link #configure(AwsClientBuilder, SdkHttpClient)}, with the service's own endpoint when one is set for it. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http, String service) {
        configure(builder, http);
        Optional.ofNullable(serviceEndpoints.get(service)).ifPresent(builder::endpointOverride);
        return builder;
    }

    /** A local endpoint with dummy credentials: what tests, the benchmark and the local stack use. */
    public static AwsSettings local(URI endpoint, Region region) {
        return new AwsSettings(region, Optional.of(endpoint), true);
    }
}

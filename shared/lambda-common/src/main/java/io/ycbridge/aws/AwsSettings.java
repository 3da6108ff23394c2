package io.ycbridge.aws;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Where the AWS clients point. {@code endpoint} is set only for local runs (DynamoDB Local, moto, LocalStack); then,
 * unless the environment names an access key, the clients sign with dummy credentials, because a local endpoint must
 * never make the SDK go looking for a real account.
 */
public record AwsSettings(Region region, Optional<URI> endpoint, boolean dummyCredentials) {

    public AwsSettings {
        java.util.Objects.requireNonNull(region, "region");
        endpoint = endpoint == null ? Optional.empty() : endpoint;
    }

    /** Reads {@code AWS_REGION} (required) and {@code AWS_ENDPOINT_URL} (optional). */
    public static AwsSettings from(Config config) {
        Region region = config.require(EnvVar.AWS_REGION, "a region id such as eu-central-1", Region::of);
        Optional<URI> endpoint = config.optionalUri(EnvVar.AWS_ENDPOINT_URL);
        boolean dummy = endpoint.isPresent() && config.optional("AWS_ACCESS_KEY_ID").isEmpty();
        return new AwsSettings(region, endpoint, dummy);
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

    /** A local endpoint with dummy credentials: what tests, the benchmark and the local stack use. */
    public static AwsSettings local(URI endpoint, Region region) {
        return new AwsSettings(region, Optional.of(endpoint), true);
    }
}

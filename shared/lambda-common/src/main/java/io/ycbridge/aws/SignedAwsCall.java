package io.ycbridge.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One SigV4-signed POST to an AWS service, signed by the SDK's own signer and sent by the environment's HTTP client:
 * for the single calls a function makes to a service whose SDK module it does not carry (SNS Publish, SSM
 * GetParameter). A module is about 1 MB of jar and hundreds of classes at a cold start, for one operation whose wire
 * format its API reference documents. Errors carry the status and the service's error code only: a message can quote
 * the request.
 */
public final class SignedAwsCall {
    private final SdkHttpClient http;
    private final URI endpoint;
    private final String signingName;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SignedAwsCall(SdkHttpClient http, URI endpoint, String signingName, String region, AwsCredentialsProvider credentials) {
        this.http = http;
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.region = region;
        this.credentials = credentials;
    }

    /**
     * To the service's endpoint as the settings give it: its own local endpoint, else the shared one, else the
     * region's public endpoint {@code https://<endpointPrefix>.<region>.amazonaws.com}.
     */
    public static SignedAwsCall to(String service, String endpointPrefix, AwsSettings settings, SdkHttpClient http) {
        URI endpoint = settings.serviceEndpoints().getOrDefault(service,
                settings.endpoint().orElse(URI.create("https://" + endpointPrefix + "." + settings.region().id() + ".amazonaws.com")));
        AwsCredentialsProvider credentials = settings.dummyCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
        return new SignedAwsCall(http, endpoint, endpointPrefix, settings.region().id(), credentials);
    }

    /** The service's answer: its HTTP status and up to 64 KiB of its body. */
    public record Answer(int status, String body) {
    }

    /** @throws IOException when the service cannot be reached or the answer cannot be read */
    public Answer post(Map<String, String> headers, String body) throws IOException {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve(endpoint.getPath().isEmpty() ? "/" : endpoint.getPath()));
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
        return new Answer(response.httpResponse().statusCode(), read(response));
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }
}

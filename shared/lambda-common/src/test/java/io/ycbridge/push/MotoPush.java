package io.ycbridge.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.aws.SignedAwsCall;
import io.ycbridge.iam.RecordingHttpClient;
import io.ycbridge.localaws.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Push on moto's SNS: platform applications made with SNS's own CreatePlatformApplication, and what moto "pushed" to
 * an endpoint, read from its model list at {@code /moto-api/data.json} (each PlatformEndpoint keeps the messages
 * published to it), so a test sees the push through moto's API rather than a mock of ours.
 */
public final class MotoPush {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MEMBER = Pattern.compile("<member>(.*?)</member>", Pattern.DOTALL);
    private static final Pattern ENDPOINT_ARN = Pattern.compile("<EndpointArn>([^<]+)</EndpointArn>");
    private static final Pattern APPLICATION_ARN = Pattern.compile("<PlatformApplicationArn>([^<]+)</PlatformApplicationArn>");
    private final MotoServer moto;
    private final SignedAwsCall sns;

    public MotoPush(MotoServer moto) {
        this.moto = moto;
        this.sns = new SignedAwsCall(UrlConnectionHttpClient.create(), moto.endpoint(), "sns", MotoServer.REGION.id(),
                StaticCredentialsProvider.create(MotoServer.CREDENTIALS));
    }

    /** The functions' settings for moto: its endpoint, dummy credentials. */
    public AwsSettings settings() {
        return new AwsSettings(MotoServer.REGION, Optional.of(moto.endpoint()), true, Map.of());
    }

    /** The endpoints' calls to moto, each recorded for IamGrantsIT when a handler makes it (no SDK client sees them). */
    public SnsEndpoints endpoints() {
        return SnsEndpoints.to(settings(), new RecordingHttpClient(UrlConnectionHttpClient.create()));
    }

    /**
     * The endpoints' calls to moto, except that a request whose form {@code fails} picks cannot reach SNS: an IOException
     * where the answer would be, as a dropped connection gives.
     */
    public SnsEndpoints endpointsFailingWhen(java.util.function.Predicate<String> fails) {
        SdkHttpClient http = new RecordingHttpClient(UrlConnectionHttpClient.create());
        SdkHttpClient failing = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                String form = request.contentStreamProvider().map(MotoPush::text).orElse("");
                if (!fails.test(form)) {
                    return http.prepareRequest(request);
                }
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        throw new IOException("connection reset (the test's)");
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
                http.close();
            }
        };
        return SnsEndpoints.to(settings(), failing);
    }

    private static String text(ContentStreamProvider content) {
        try (var in = content.newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A platform application as an operator makes one in SNS; its ARN. */
    public String application(String name, String platform) {
        String answer = call("Action=CreatePlatformApplication&Version=2010-03-31&Name=" + enc(name) + "&Platform=" + enc(platform)
                + "&Attributes.entry.1.key=PlatformCredential&Attributes.entry.1.value=test-credential");
        Matcher arn = APPLICATION_ARN.matcher(answer);
        if (!arn.find()) {
            throw new AssertionError("moto made no platform application");
        }
        return arn.group(1);
    }

    /** What SNS would do when the push service refuses the token: the endpoint is disabled. */
    public void disable(String endpointArn) {
        call("Action=SetEndpointAttributes&Version=2010-03-31&EndpointArn=" + enc(endpointArn)
                + "&Attributes.entry.1.key=Enabled&Attributes.entry.1.value=false");
    }

    /** An endpoint as SNS lists it. */
    public record Held(String arn, String token, boolean enabled) {
    }

    /** The application's endpoints, as SNS's ListEndpointsByPlatformApplication gives them (one page: a test has few). */
    public List<Held> endpoints(String applicationArn) {
        String answer = call("Action=ListEndpointsByPlatformApplication&Version=2010-03-31&PlatformApplicationArn=" + enc(applicationArn));
        List<Held> held = new ArrayList<>();
        Matcher member = MEMBER.matcher(answer);
        while (member.find()) {
            String endpoint = member.group(1);
            Matcher arn = ENDPOINT_ARN.matcher(endpoint);
            Matcher token = attribute("Token").matcher(endpoint);
            Matcher enabled = attribute("Enabled").matcher(endpoint);
            held.add(new Held(arn.find() ? arn.group(1) : null, token.find() ? token.group(1) : null,
                    enabled.find() && "true".equalsIgnoreCase(enabled.group(1))));
        }
        return held;
    }

    private static Pattern attribute(String key) {
        return Pattern.compile("<key>" + key + "</key>\\s*<value>([^<]*)</value>");
    }

    /** The messages published to the endpoint, oldest first. */
    public List<JsonNode> pushedTo(String endpointArn) {
        List<JsonNode> messages = new ArrayList<>();
        for (JsonNode endpoint : modelsOfEndpoints()) {
            if (endpointArn.equals(endpoint.path("arn").asText())) {
                endpoint.path("messages").forEach(message -> {
                    try {
                        messages.add(JSON.readTree(message.asText()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return messages;
    }

    /** moto's models of every endpoint ever made (deleted ones too), with the messages published to each. */
    private List<JsonNode> modelsOfEndpoints() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(moto.endpoint() + "/moto-api/data.json"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> endpoints = new ArrayList<>();
            JSON.readTree(response.body()).path("sns").path("PlatformEndpoint").forEach(endpoints::add);
            return endpoints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String call(String form) {
        try {
            SignedAwsCall.Answer answer = sns.post(Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form);
            if (answer.status() != 200) {
                throw new AssertionError("moto's SNS refused: HTTP " + answer.status());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.ycbridge.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * For a call made without an SDK service client, which no execution interceptor sees: SNS Publish, which the app
 * signs and sends itself through the SDK's HTTP client (SnsSmsSender), and the push endpoints' calls (SnsEndpoints). Wrapped around that HTTP client in a test, it
 * records each signed AWS Query API request (a form body with {@code Action}) a handler sends, as
 * {@code <service>:<Action>}, the service taken from the signature's credential scope. The resource is the topic,
 * endpoint or platform application ARN the form names; a {@code PhoneNumber} has no ARN, so IAM checks that Publish against {@code *}
 * (the Service Authorization Reference for Amazon SNS lists only topic and endpoint resources for Publish).
 */
public final class RecordingHttpClient implements SdkHttpClient {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");
    private final SdkHttpClient http;

    public RecordingHttpClient(SdkHttpClient http) {
        this.http = http;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        CallingHandler.current().ifPresent(caller -> {
            Matcher scope = SCOPE.matcher(request.httpRequest().firstMatchingHeader("Authorization").orElse(""));
            Map<String, String> form = form(request.contentStreamProvider().map(RecordingHttpClient::text).orElse(""));
            if (scope.find() && form.containsKey("Action")) {
                String resource = form.containsKey("TopicArn") ? ResourceArns.topic(form.get("TopicArn"))
                        : form.containsKey("TargetArn") ? ResourceArns.push(form.get("TargetArn"))
                        : form.containsKey("EndpointArn") ? ResourceArns.push(form.get("EndpointArn"))
                        : form.containsKey("PlatformApplicationArn") ? ResourceArns.push(form.get("PlatformApplicationArn")) : "*";
                PermissionLog.jvm().record(new PermissionUse(caller.handlerClass(),
                        new Permission(scope.group(1) + ":" + form.get("Action"), resource), caller.seenIn()));
            }
        });
        return http.prepareRequest(request);
    }

    /** The body, read from a fresh stream of the provider: the client that sends it opens its own. */
    private static String text(ContentStreamProvider body) {
        try (InputStream in = body.newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public String clientName() {
        return http.clientName();
    }

    @Override
    public void close() {
        http.close();
    }
}

package io.ycbridge.push;

import io.ycbridge.aws.AwsSettings;
import io.ycbridge.aws.SignedAwsCall;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Amazon SNS platform endpoints, one device each, through SNS's Query API (form-encoded POST, version 2010-03-31) as
 * {@link SignedAwsCall}s: the SNS SDK module is not served at the SDK version this project pins. The calls are those
 * the SNS developer guide's token management uses ("Setting up an Amazon SNS platform endpoint for mobile
 * notifications", mobile-platform-endpoint.html): CreatePlatformEndpoint, which returns the existing endpoint for a
 * token it knows; GetEndpointAttributes, to see whether the endpoint still has that token and is enabled;
 * SetEndpointAttributes to mend it; DeleteEndpoint; and Publish to the endpoint's ARN. Errors are told by SNS's error
 * code alone: its message can quote the request, and the request holds the device's token.
 */
public final class SnsEndpoints {
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern ENDPOINT_ARN = Pattern.compile("<EndpointArn>([^<]{1,1024})</EndpointArn>");
    private static final Pattern EXISTING_ENDPOINT = Pattern.compile("Endpoint (arn:[^ <]{1,1024}) already exists with the same [Tt]oken");
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]{1,100})</MessageId>");
    private static final Pattern ATTRIBUTE = Pattern.compile("<entry>\\s*<key>([^<]{1,100})</key>\\s*<value>([^<]{0,8192})</value>\\s*</entry>");

    /** An endpoint as SNS holds it: the token it pushes to and whether it is enabled (SNS disables one the service refused). */
    public record Attributes(String token, boolean enabled) {
    }

    /** What became of a push. */
    public enum Delivery {
        /** SNS took it for the push service. */
        SENT,
        /** The endpoint is disabled (the push service said the token is no longer valid): SNS's EndpointDisabled. */
        DISABLED,
        /** The endpoint is gone (deleted in SNS): NotFound. */
        GONE
    }

    private final SignedAwsCall sns;

    SnsEndpoints(SignedAwsCall sns) {
        this.sns = sns;
    }

    /** Where the settings point SNS: its own local endpoint, else the shared one, else the region's. */
    public static SnsEndpoints to(AwsSettings settings, SdkHttpClient http) {
        return new SnsEndpoints(SignedAwsCall.to(AwsSettings.SNS, "sns", settings, http));
    }

    /**
     * The endpoint's ARN. SNS returns the existing one when the token has an endpoint with the same attributes, and
     * refuses with InvalidParameter when its attributes differ (SNS disabled it): that refusal names the endpoint,
     * which is then the one to mend, so a token whose endpoint we lost track of is not left disabled for good.
     */
    public String create(String applicationArn, String token) {
        Map<String, String> form = form("CreatePlatformEndpoint");
        form.put("PlatformApplicationArn", applicationArn);
        form.put("Token", token);
        Answer answer = send(form);
        Matcher existing = EXISTING_ENDPOINT.matcher(answer.body());
        if ("InvalidParameter".equals(answer.errorCode()) && existing.find()) {
            return existing.group(1);
        }
        Matcher arn = ENDPOINT_ARN.matcher(answer.okOrThrow("CreatePlatformEndpoint"));
        if (!arn.find()) {
            throw new PushUnavailableException("SNS answered CreatePlatformEndpoint without an EndpointArn", null);
        }
        return xml(arn.group(1));
    }

    /** Empty when SNS no longer has the endpoint. */
    public Optional<Attributes> attributes(String endpointArn) {
        Map<String, String> form = form("GetEndpointAttributes");
        form.put("EndpointArn", endpointArn);
        Answer answer = send(form);
        if ("NotFound".equals(answer.errorCode())) {
            return Optional.empty();
        }
        String body = answer.okOrThrow("GetEndpointAttributes");
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher entry = ATTRIBUTE.matcher(body);
        while (entry.find()) {
            attributes.put(entry.group(1), xml(entry.group(2)));
        }
        return Optional.of(new Attributes(attributes.get("Token"), "true".equalsIgnoreCase(attributes.get("Enabled"))));
    }

    /** Gives the endpoint the token and enables it: what the guide does when the token moved or SNS had disabled it. */
    public void enable(String endpointArn, String token) {
        Map<String, String> form = form("SetEndpointAttributes");
        form.put("EndpointArn", endpointArn);
        form.put("Attributes.entry.1.key", "Token");
        form.put("Attributes.entry.1.value", token);
        form.put("Attributes.entry.2.key", "Enabled");
        form.put("Attributes.entry.2.value", "true");
        call(form, "SetEndpointAttributes");
    }

    /** Deleting an endpoint that is gone succeeds in SNS too. */
    public void delete(String endpointArn) {
        Map<String, String> form = form("DeleteEndpoint");
        form.put("EndpointArn", endpointArn);
        Answer answer = send(form);
        if (!"NotFound".equals(answer.errorCode())) {
            answer.okOrThrow("DeleteEndpoint");
        }
    }

    /** One push: {@code message} is the JSON of the per-platform payloads (MessageStructure json). */
    public Delivery publish(String endpointArn, String message) {
        Map<String, String> form = form("Publish");
        form.put("TargetArn", endpointArn);
        form.put("MessageStructure", "json");
        form.put("Message", message);
        Answer answer = send(form);
        if ("EndpointDisabled".equals(answer.errorCode())) {
            return Delivery.DISABLED;
        }
        if ("NotFound".equals(answer.errorCode())) {
            return Delivery.GONE;
        }
        if (!MESSAGE_ID.matcher(answer.okOrThrow("Publish")).find()) {
            throw new PushUnavailableException("SNS answered Publish without a MessageId", null);
        }
        return Delivery.SENT;
    }

    private record Answer(int status, String body, String errorCode) {
        String okOrThrow(String action) {
            if (status != 200) {
                throw new PushUnavailableException("SNS refused " + action + " (HTTP " + status + (errorCode == null ? "" : ", " + errorCode) + ")", null);
            }
            return body;
        }
    }

    private String call(Map<String, String> form, String action) {
        return send(form).okOrThrow(action);
    }

    private Answer send(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            SignedAwsCall.Answer answer = sns.post(FORM, body);
            Matcher code = ERROR_CODE.matcher(answer.body());
            return new Answer(answer.status(), answer.body(), answer.status() == 200 || !code.find() ? null : code.group(1));
        } catch (IOException | SdkException e) {
            throw new PushUnavailableException("SNS could not be reached (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Map<String, String> form(String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", "2010-03-31");
        return form;
    }

    private static String xml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}

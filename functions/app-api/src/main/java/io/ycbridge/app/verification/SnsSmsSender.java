package io.ycbridge.app.verification;

import io.ycbridge.aws.AwsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * Amazon SNS {@code Publish} with {@code PhoneNumber}: a text straight to a phone, no topic, marked Transactional,
 * which SNS delivers with priority — a code that arrives after it expired is useless.
 *
 * <p>One call of SNS's Query API (a form-encoded POST, API version 2010-03-31), signed with the SDK's own SigV4 signer
 * and sent by the SDK's HTTP client, instead of the SNS client module: that module is not served at the SDK version
 * this project pins (2.54.13), and it would add about 1 MB to the one jar that sends SMS. The wire format is the one the
 * SNS API reference documents for Publish (Action, Version, PhoneNumber, Message, MessageAttributes.entry.N.*).
 */
final class SnsSmsSender implements SmsSender {
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]{1,100})</MessageId>");

    private final SdkHttpClient http;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SnsSmsSender(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.http = http;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    /** Where the settings point SNS: its own local endpoint, else the shared one, else the region's public endpoint. */
    static SnsSmsSender from(AwsSettings settings, SdkHttpClient http) {
        URI endpoint = settings.serviceEndpoints().getOrDefault(AwsSettings.SNS,
                settings.endpoint().orElse(URI.create("https://sns." + settings.region().id() + ".amazonaws.com")));
        AwsCredentialsProvider credentials = settings.dummyCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
        return new SnsSmsSender(http, endpoint, settings.region(), credentials);
    }

    @Override
    public void send(String phoneE164, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "Publish");
        form.put("Version", "2010-03-31");
        form.put("PhoneNumber", phoneE164);
        form.put("Message", text);
        form.put("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType");
        form.put("MessageAttributes.entry.1.Value.DataType", "String");
        form.put("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        SdkHttpRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve(endpoint.getPath().isEmpty() ? "/" : endpoint.getPath()))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        try {
            SignedRequest signed = signer.sign(sign -> sign
                    .identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sns")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String answer = read(response);
            int status = response.httpResponse().statusCode();
            if (status != 200 || !MESSAGE_ID.matcher(answer).find()) {
                // Only SNS's error code: its message can quote the request, and the request holds the phone and code.
                Matcher code = ERROR_CODE.matcher(answer);
                throw new SmsNotSentException("SNS did not accept the message (HTTP " + status + (code.find() ? ", " + code.group(1) : "") + ")", null);
            }
        } catch (IOException | SdkException e) {
            throw new SmsNotSentException("SNS could not be reached (" + e.getClass().getSimpleName() + ")", e);
        }
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

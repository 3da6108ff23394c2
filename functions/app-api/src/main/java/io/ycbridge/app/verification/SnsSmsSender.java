package io.ycbridge.app.verification;

import io.ycbridge.aws.AwsSettings;
import io.ycbridge.aws.SignedAwsCall;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Amazon SNS {@code Publish} with {@code PhoneNumber}: a text straight to a phone, no topic, marked Transactional,
 * which SNS delivers with priority — a code that arrives after it expired is useless.
 *
 * <p>One call of SNS's Query API (a form-encoded POST, API version 2010-03-31) as a {@link SignedAwsCall}, instead of
 * the SNS client module: that module is not served at the SDK version this project pins (2.54.13), and it would add
 * about 1 MB to the one jar that sends SMS. The wire format is the one the SNS API reference documents for Publish
 * (Action, Version, PhoneNumber, Message, MessageAttributes.entry.N.*).
 */
final class SnsSmsSender implements SmsSender {
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]{1,100})</MessageId>");
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

    private final SignedAwsCall sns;

    SnsSmsSender(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this(new SignedAwsCall(http, endpoint, "sns", region.id(), credentials));
    }

    private SnsSmsSender(SignedAwsCall sns) {
        this.sns = sns;
    }

    /** Where the settings point SNS: its own local endpoint, else the shared one, else the region's public endpoint. */
    static SnsSmsSender from(AwsSettings settings, SdkHttpClient http) {
        return new SnsSmsSender(SignedAwsCall.to(AwsSettings.SNS, "sns", settings, http));
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
        try {
            SignedAwsCall.Answer answer = sns.post(FORM, body);
            if (answer.status() != 200 || !MESSAGE_ID.matcher(answer.body()).find()) {
                // Only SNS's error code: its message can quote the request, and the request holds the phone and code.
                Matcher code = ERROR_CODE.matcher(answer.body());
                throw new SmsNotSentException("SNS did not accept the message (HTTP " + answer.status() + (code.find() ? ", " + code.group(1) : "") + ")", null);
            }
        } catch (IOException | SdkException e) {
            throw new SmsNotSentException("SNS could not be reached (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}

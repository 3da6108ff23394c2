package io.ycbridge.app.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.iam.RecordingHttpClient;
import io.ycbridge.localaws.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What moto's SNS "sent": moto keeps every {@code Publish} to a phone number as an {@code SMS} model (message id,
 * phone number, message) and lists its models at {@code /moto-api/data.json}. So a test sees the text that would have
 * reached the phone, through moto's own API rather than a mock of ours.
 */
final class MotoSms {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private final MotoServer moto;

    MotoSms(MotoServer moto) {
        this.moto = moto;
    }

    /**
     * The sender as deployed, pointed at moto. Its HTTP client records the Publish a handler makes: no SDK service client
     * sends it, so no execution interceptor would.
     */
    SnsSmsSender sender() {
        return new SnsSmsSender(new RecordingHttpClient(UrlConnectionHttpClient.create()), moto.endpoint(), MotoServer.REGION,
                StaticCredentialsProvider.create(MotoServer.CREDENTIALS));
    }

    /** Every text moto holds for this phone, oldest first. */
    List<String> textsTo(String phoneE164) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(moto.endpoint() + "/moto-api/data.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> texts = new ArrayList<>();
        for (JsonNode sms : JSON.readTree(response.body()).path("sns").path("SMS")) {
            if (phoneE164.equals(sms.path("phone_number").asText())) {
                texts.add(sms.path("message").asText());
            }
        }
        return texts;
    }

    /** The code in the last text to this phone. */
    String lastCodeTo(String phoneE164) throws IOException, InterruptedException {
        List<String> texts = textsTo(phoneE164);
        if (texts.isEmpty()) {
            throw new AssertionError("moto holds no SMS to this phone");
        }
        Matcher code = CODE.matcher(texts.get(texts.size() - 1));
        if (!code.find()) {
            throw new AssertionError("the SMS carries no six-digit code");
        }
        return code.group(1);
    }
}

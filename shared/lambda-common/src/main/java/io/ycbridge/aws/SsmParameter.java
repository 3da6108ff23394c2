package io.ycbridge.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Reads one Systems Manager parameter's value: {@code GetParameter}, the JSON 1.1 call the SSM API reference
 * documents (target {@code AmazonSSM.GetParameter}, body {@code {"Name": …}}, answer {@code {"Parameter": {"Value": …}}}),
 * as a {@link SignedAwsCall}: the SSM module would weigh on every function's cold start for this one read.
 */
public final class SsmParameter {
    /** The key of SSM in {@link AwsSettings#serviceEndpoints}, as in {@code AWS_ENDPOINT_URL_SSM}. */
    public static final String SSM = "SSM";
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/x-amz-json-1.1",
            "X-Amz-Target", "AmazonSSM.GetParameter");

    private final SignedAwsCall ssm;
    private final String name;

    public SsmParameter(SignedAwsCall ssm, String name) {
        this.ssm = ssm;
        this.name = name;
    }

    public static SsmParameter named(String name, AwsSettings settings, SdkHttpClient http) {
        return new SsmParameter(SignedAwsCall.to(SSM, "ssm", settings, http), name);
    }

    /**
     * @throws UncheckedIOException when SSM cannot be reached or does not answer the value; the message has SSM's
     *     error type (ParameterNotFound, AccessDeniedException, ThrottlingException) and the parameter's name, no more
     */
    public String value() {
        SignedAwsCall.Answer answer;
        try {
            answer = ssm.post(HEADERS, JSON.createObjectNode().put("Name", name).toString());
        } catch (IOException | SdkException e) {
            throw new UncheckedIOException(new IOException("SSM could not be reached for parameter " + name + " (" + e.getClass().getSimpleName() + ")", e));
        }
        JsonNode body = parse(answer.body());
        JsonNode value = body.path("Parameter").path("Value");
        if (answer.status() != 200 || !value.isTextual()) {
            String type = body.path("__type").asText("no error type");
            throw new UncheckedIOException(new IOException("SSM did not answer parameter " + name + " (HTTP " + answer.status() + ", "
                    + type.substring(type.lastIndexOf('#') + 1) + ")"));
        }
        return value.asText();
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}

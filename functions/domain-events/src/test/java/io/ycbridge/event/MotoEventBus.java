package io.ycbridge.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.aws.SignedAwsCall;
import io.ycbridge.localaws.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A bus on moto's EventBridge with one rule, {@code source: ["ycbridge"]}, whose target is an SQS queue: what a
 * consumer's rule would receive, read back from the queue. Made with EventBridge's own API calls (CreateEventBus,
 * PutRule, PutTargets), signed as the functions sign PutEvents.
 */
final class MotoEventBus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final String busName;
    private final SignedAwsCall events;
    private final SqsClient sqs;
    private final String queueUrl;

    MotoEventBus(MotoServer moto, String busName) {
        this.busName = busName;
        this.events = new SignedAwsCall(UrlConnectionHttpClient.create(), moto.endpoint(), "events", MotoServer.REGION.id(),
                StaticCredentialsProvider.create(MotoServer.CREDENTIALS));
        this.sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.queueUrl = sqs.createQueue(create -> create.queueName(busName + "-consumer")).queueUrl();
        String queueArn = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        call("CreateEventBus", Map.of("Name", busName));
        call("PutRule", Map.of("Name", "app-consumer", "EventBusName", busName,
                "EventPattern", "{\"source\":[\"" + EventBridgeBus.SOURCE + "\"]}", "State", "ENABLED"));
        call("PutTargets", Map.of("Rule", "app-consumer", "EventBusName", busName,
                "Targets", List.of(Map.of("Id", "queue", "Arn", queueArn))));
    }

    /** The events the rule delivered, as EventBridge's envelope (source, detail-type, detail), waiting up to {@code patience}. */
    List<JsonNode> delivered(int expected, Duration patience) {
        List<JsonNode> events = new ArrayList<>();
        Instant until = Instant.now().plus(patience);
        while (events.size() < expected && Instant.now().isBefore(until)) {
            for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                try {
                    events.add(JSON.readTree(message.body()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return events;
    }

    private void call(String operation, Map<String, Object> body) {
        try {
            SignedAwsCall.Answer answer = events.post(Map.of("Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "AWSEvents." + operation), JSON.writeValueAsString(body));
            if (answer.status() != 200) {
                throw new IllegalStateException(operation + " answered " + answer.status() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sqs.close();
    }
}

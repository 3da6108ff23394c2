package io.ycbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.sync.SyncRequest;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The fan-out against moto's SQS: one message per company, in the shape the consumer reads. */
@ExtendWith(MotoServerExtension.class)
class SqsFanOutTest {

    static SqsClient sqs(MotoServer moto) {
        return SqsClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static List<SyncRequest> receiveAll(SqsClient sqs, String queueUrl, int expected) throws IOException {
        List<SyncRequest> received = new ArrayList<>();
        for (int i = 0; i < 10 && received.size() < expected; i++) {
            for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()) {
                received.add(SyncRequest.fromJson(ApiJson.mapper().readTree(message.body())));
            }
        }
        return received;
    }

    @Test
    void everyCompanyBecomesOneMessageTheConsumerCanRead(MotoServer moto) throws IOException {
        moto.reset();
        try (SqsClient sqs = sqs(moto)) {
            String queueUrl = sqs.createQueue(create -> create.queueName("sync-queue")).queueUrl();
            List<SyncRequest> requests = new ArrayList<>(LongStream.rangeClosed(500_001, 500_023).mapToObj(SyncRequest::company).toList());
            requests.add(new SyncRequest(235564, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-18T00:00:00Z")));

            FanOutResult result = new SqsFanOut(sqs, queueUrl).dispatch(requests);

            assertEquals(24, result.queued().size());
            assertTrue(result.failed().isEmpty(), result.failed().toString());
            assertEquals(new HashSet<>(requests), new HashSet<>(receiveAll(sqs, queueUrl, 24)));
        }
    }
}

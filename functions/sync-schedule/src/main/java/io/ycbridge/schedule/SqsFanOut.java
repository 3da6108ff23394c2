package io.ycbridge.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.sync.SyncRequest;
import io.ycbridge.yclients.ApiJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * One message per company on SyncQueue, ten per SendMessageBatch. The queue's consumer, CatalogSyncFunction, runs
 * with a maximum concurrency; its shared rate limiter keeps those invocations together under the partner token's limit.
 */
public final class SqsFanOut {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final int BATCH = 10;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsFanOut(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    /** Sends every request; a batch entry SQS refuses is reported with SQS's reason, the others still go. */
    public FanOutResult dispatch(List<SyncRequest> requests) {
        List<Long> queued = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<SyncRequest> batch = requests.subList(from, Math.min(requests.size(), from + BATCH));
            Map<String, SyncRequest> byEntry = new HashMap<>();
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                String id = Integer.toString(i);
                byEntry.put(id, batch.get(i));
                entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(body(batch.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries));
            response.successful().forEach(ok -> queued.add(byEntry.get(ok.id()).companyId()));
            for (BatchResultErrorEntry refused : response.failed()) {
                failed.put(byEntry.get(refused.id()).companyId(), refused.code() + " " + refused.message());
            }
        }
        return new FanOutResult(queued, failed);
    }

    private static String body(SyncRequest request) {
        try {
            return JSON.writeValueAsString(request.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sync request did not encode", e);
        }
    }
}

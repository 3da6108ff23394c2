package io.ycbridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * One message per company on SyncQueue, ten per SendMessageBatch. The queue's consumer is this function with a
 * maximum concurrency; the shared rate limiter keeps those invocations together under the partner token's limit.
 */
public final class SqsFanOut implements CompanyFanOut {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final int BATCH = 10;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsFanOut(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public SyncSummary dispatch(List<SyncRequest> requests, Instant deadline) {
        long started = System.nanoTime();
        List<CompanySync> results = new ArrayList<>();
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
            response.successful().forEach(ok -> results.add(CompanySync.queued(byEntry.get(ok.id()).companyId())));
            for (BatchResultErrorEntry failed : response.failed()) {
                results.add(new CompanySync(byEntry.get(failed.id()).companyId(), SyncOutcome.FAILED, Map.of(), RecordCounts.NONE, 0, 0, null,
                        "not queued: " + failed.code() + " " + failed.message()));
            }
        }
        return SyncSummary.of(results, (System.nanoTime() - started) / 1_000_000);
    }

    private static String body(SyncRequest request) {
        try {
            return JSON.writeValueAsString(request.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sync request did not encode", e);
        }
    }
}

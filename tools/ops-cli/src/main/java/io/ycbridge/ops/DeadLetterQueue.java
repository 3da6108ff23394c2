package io.ycbridge.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * BonusDeadLetterQueue, for one recovery run: every message is taken at the start and hidden from other readers for
 * the run ({@code hold}); afterwards each is deleted (its records recovered) or released at once for the next run.
 */
final class DeadLetterQueue {
    /** Enough for any backlog of one incident; a larger one is drained by running again. */
    static final int MAX_MESSAGES = 1_000;
    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration hold;

    DeadLetterQueue(SqsClient sqs, String queueUrl, Duration hold) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.hold = hold;
    }

    /** One message as received: its id, the handle that deletes or releases it, and the body. */
    record Letter(String messageId, String receiptHandle, String body) {
    }

    /**
     * Every message there is, up to {@link #MAX_MESSAGES}, each once. Long polling of one second makes SQS ask all its
     * servers, so an empty answer means the queue is drained, not that a sample of it was empty.
     */
    List<Letter> takeAll() {
        Map<String, Letter> taken = new LinkedHashMap<>();
        while (taken.size() < MAX_MESSAGES) {
            List<Message> page = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout((int) hold.toSeconds())).messages();
            if (page.isEmpty()) {
                break;
            }
            // A message seen again (a run longer than the hold) keeps only its newest receipt handle, which SQS requires.
            page.forEach(message -> taken.put(message.messageId(), new Letter(message.messageId(), message.receiptHandle(), message.body())));
        }
        return new ArrayList<>(taken.values());
    }

    void delete(Letter letter) {
        sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(letter.receiptHandle()));
    }

    /** Visible again now, not when the hold ends: a failed or dry run leaves the queue as it found it. */
    void release(Letter letter) {
        sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(letter.receiptHandle()).visibilityTimeout(0));
    }
}

package io.ycbridge.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The keys of the records a failed batch carried, read back from the stream while it still holds them: a shard
 * iterator AT_SEQUENCE_NUMBER of the batch's first record, then GetRecords up to its last. Only the keys are used —
 * recovery decides on each record's current stored version, never on an image that may have been overtaken.
 */
final class StreamBatchReader {
    /** GetRecords may answer empty pages before the records that follow; this many in a row means they are not coming. */
    private static final int EMPTY_PAGES = 20;
    private final DynamoDbStreamsClient streams;

    StreamBatchReader(DynamoDbStreamsClient streams) {
        this.streams = streams;
    }

    /**
     * The batch's record keys in stream order, without repeats; empty when the stream no longer holds the whole batch:
     * its records are older than the stream's 24 hours (TrimmedDataAccessException), the shard or the stream is gone
     * (ResourceNotFoundException: a shard ages out with its records, a stream goes with its table), or the shard ended
     * before the batch's last sequence number. Other errors (throttling, permissions) propagate: the message stays.
     */
    Optional<List<RecordKey>> keys(StreamBatchFailure batch) {
        String iterator;
        try {
            iterator = streams.getShardIterator(request -> request.streamArn(batch.streamArn()).shardId(batch.shardId())
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(batch.startSequenceNumber())).shardIterator();
        } catch (TrimmedDataAccessException | ResourceNotFoundException gone) {
            return Optional.empty();
        }
        Set<RecordKey> keys = new LinkedHashSet<>();
        int empty = 0;
        while (iterator != null) {
            String from = iterator;
            GetRecordsResponse page;
            try {
                page = streams.getRecords(request -> request.shardIterator(from).limit(1000));
            } catch (TrimmedDataAccessException | ExpiredIteratorException | ResourceNotFoundException gone) {
                return Optional.empty();
            }
            for (Record record : page.records()) {
                if (batch.endsBefore(record.dynamodb().sequenceNumber())) {
                    return Optional.of(new ArrayList<>(keys));
                }
                keys.add(RecordKey.of(record.dynamodb().keys()));
                if (record.dynamodb().sequenceNumber().equals(batch.endSequenceNumber())) {
                    return Optional.of(new ArrayList<>(keys));
                }
            }
            empty = page.records().isEmpty() ? empty + 1 : 0;
            if (empty == EMPTY_PAGES) {
                return Optional.empty();
            }
            iterator = page.nextShardIterator();
        }
        return Optional.empty();
    }
}

package io.ycbridge.localaws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Which shards of a stream may be read now, in the order Lambda's event source keeps: a child shard only after its
 * parent is read to its end (or the parent has aged out of the stream), so one item's changes stay in order.
 */
public final class StreamShards {
    private StreamShards() {
    }

    /** Every shard of the stream (all pages of DescribeStream) not yet finished and whose parent is finished or gone. */
    public static List<Shard> readable(DynamoDbStreamsClient streams, String streamArn, Set<String> finished) {
        StreamDescription description = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription();
        List<Shard> shards = new ArrayList<>(description.shards());
        String last = description.lastEvaluatedShardId();
        while (last != null) {
            String from = last;
            StreamDescription more = streams.describeStream(request -> request.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            shards.addAll(more.shards());
            last = more.lastEvaluatedShardId();
        }
        Set<String> known = new HashSet<>();
        shards.forEach(shard -> known.add(shard.shardId()));
        return shards.stream()
                .filter(shard -> !finished.contains(shard.shardId()))
                .filter(shard -> shard.parentShardId() == null || finished.contains(shard.parentShardId())
                        || !known.contains(shard.parentShardId()))
                .toList();
    }
}

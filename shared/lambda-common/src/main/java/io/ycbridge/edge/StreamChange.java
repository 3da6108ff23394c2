package io.ycbridge.edge;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item of a DynamoDB stream batch: what changed, where in the stream, and the item's keys and images in the SDK's
 * own {@link AttributeValue}, so a stream image and a table read decode through the same code. An image is null when
 * the stream does not carry it (no {@code OldImage} on an INSERT, none at all on a KEYS_ONLY stream), and so is
 * everything the item lacks.
 *
 * @param eventName      {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param sequenceNumber the item's place in its shard: what a batch item failure names
 */
public record StreamChange(String eventName, String sequenceNumber, Map<String, AttributeValue> keys,
                           Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
}

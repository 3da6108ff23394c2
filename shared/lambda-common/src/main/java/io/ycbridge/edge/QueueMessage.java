package io.ycbridge.edge;

/**
 * One message of an SQS batch: its id (what a batch item failure names) and its body as sent; either is null when
 * the message lacks it.
 */
public record QueueMessage(String messageId, String body) {
}

package io.ycbridge.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A push that waits for the end of quiet hours: the event as the bus delivered it, and when it may go. */
public record HeldPush(Instant releaseAt, String eventId, String type, JsonNode detail) {
}

package io.ycbridge.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.aws.SignedAwsCall;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * EventBridge {@code PutEvents}, ten entries a call (the API's limit), as one {@link SignedAwsCall} of its JSON 1.1
 * protocol: the EventBridge SDK module is not served at the SDK version this project pins, and the wire format is the
 * API reference's. The answer's {@code Entries} follow the request's order one for one, and a failed entry carries an
 * {@code ErrorCode} instead of an {@code EventId} (AWS, "Sending events with PutEvents in Amazon EventBridge",
 * eb-putevents.html): those events, and every event of a call that failed as a whole, are returned as not taken.
 */
public final class EventBridgeBus implements EventBus {
    /** The {@code source} of every event ycbridge publishes: what a rule's pattern matches on. */
    public static final String SOURCE = "ycbridge";
    static final int ENTRIES_PER_CALL = 10;
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/x-amz-json-1.1",
            "X-Amz-Target", "AWSEvents.PutEvents");

    private final SignedAwsCall events;
    private final String busName;
    private final ObjectMapper json;

    EventBridgeBus(SignedAwsCall events, String busName, ObjectMapper json) {
        this.events = events;
        this.busName = busName;
        this.json = json;
    }

    /** Where the settings point EventBridge: its own local endpoint, else the shared one, else the region's. */
    public static EventBridgeBus to(String busName, AwsSettings settings, SdkHttpClient http, ObjectMapper json) {
        return new EventBridgeBus(SignedAwsCall.to(AwsSettings.EVENTBRIDGE, "events", settings, http), busName, json);
    }

    @Override
    public Set<String> publish(List<DomainEvent> all) {
        Set<String> refused = new LinkedHashSet<>();
        for (int from = 0; from < all.size(); from += ENTRIES_PER_CALL) {
            List<DomainEvent> call = all.subList(from, Math.min(all.size(), from + ENTRIES_PER_CALL));
            refused.addAll(put(call));
        }
        return refused;
    }

    private Set<String> put(List<DomainEvent> call) {
        ObjectNode request = json.createObjectNode();
        ArrayNode entries = request.putArray("Entries");
        for (DomainEvent event : call) {
            entries.addObject()
                    .put("Source", SOURCE)
                    .put("DetailType", event.type().wire())
                    .put("Detail", event.detail().toString())
                    .put("EventBusName", busName);
        }
        Set<String> refused = new LinkedHashSet<>();
        try {
            SignedAwsCall.Answer answer = events.post(HEADERS, json.writeValueAsString(request));
            JsonNode results = answer.status() == 200 ? json.readTree(answer.body()).path("Entries") : null;
            for (int i = 0; i < call.size(); i++) {
                JsonNode result = results == null ? null : results.get(i);
                if (result == null || result.path("EventId").asText("").isEmpty()) {
                    refused.add(call.get(i).id());
                }
            }
        } catch (IOException | SdkException e) {
            call.forEach(event -> refused.add(event.id()));
        }
        return refused;
    }
}

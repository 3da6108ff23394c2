package io.ycbridge.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A push as the user reads it, and as SNS is given it: one Publish with MessageStructure json carries the payload of
 * each push service, FCM under {@code GCM} (its notification and data) and APNs under {@code APNS} and
 * {@code APNS_SANDBOX} (the development app's), with {@code default} for any other (SNS developer guide, "Sending
 * platform-specific payloads in messages to mobile devices", sns-send-custom-platform-specific-payloads-mobile-devices.html).
 * The data carry the event's id and type, so the app can open the visit or the balance and tell a repeat.
 */
public record PushMessage(String title, String body) {
    public String snsMessage(String eventId, String type, ObjectMapper json) {
        ObjectNode fcm = json.createObjectNode();
        fcm.putObject("notification").put("title", title).put("body", body);
        fcm.putObject("data").put("eventId", eventId).put("type", type);
        ObjectNode apns = json.createObjectNode();
        apns.putObject("aps").put("sound", "default").putObject("alert").put("title", title).put("body", body);
        apns.put("eventId", eventId).put("type", type);
        ObjectNode message = json.createObjectNode();
        message.put("default", title + ": " + body);
        message.put("GCM", fcm.toString());
        message.put("APNS", apns.toString());
        message.put("APNS_SANDBOX", apns.toString());
        return message.toString();
    }
}

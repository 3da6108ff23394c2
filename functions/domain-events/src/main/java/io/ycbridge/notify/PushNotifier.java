package io.ycbridge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.event.EventType;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.push.Device;
import io.ycbridge.push.HeldPush;
import io.ycbridge.push.PushSettings;
import io.ycbridge.push.PushStore;
import io.ycbridge.push.PushUnavailableException;
import io.ycbridge.push.SnsEndpoints;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A domain event from the bus, pushed to the user's devices: only the types PUSH_EVENTS enables, only to a linked
 * user's enabled devices, and not in the quiet hours, whose pushes are held until they end and sent by the next
 * tick after that. EventBridge delivers at least once and Lambda retries a failed invocation, so each device's push is
 * marked before it is sent (by the event's own id) and unmarked when SNS could not take it; a failure is thrown after
 * every device was tried, for the retry to send what is left. An endpoint SNS reports disabled or gone is disabled
 * here too, until the app registers its token again.
 */
public final class PushNotifier {
    /** Held pushes released per tick; a tick every 15 minutes sends a night's worth in a few. */
    static final int RELEASE_BATCH = 200;

    /** What became of one event. */
    public enum Outcome { PUSHED, HELD, NOT_ENABLED, NO_USER, NO_DEVICE, UNREADABLE, NOT_OURS }

    private final PushSettings settings;
    private final PushStore store;
    private final SnsEndpoints sns;
    private final ZoneId zone;
    private final ObjectMapper json;
    private final Clock clock;
    private final DecisionLog log;

    public PushNotifier(PushSettings settings, PushStore store, SnsEndpoints sns, ZoneId zone, ObjectMapper json, Clock clock, DecisionLog log) {
        this.settings = settings;
        this.store = store;
        this.sns = sns;
        this.zone = zone;
        this.json = json;
        this.clock = clock;
        this.log = log;
    }

    public Outcome notify(String detailType, JsonNode detail) {
        Optional<EventType> type = EventType.ofWire(detailType);
        if (type.isEmpty()) {
            return logged(Outcome.NOT_OURS, detailType, null);
        }
        String eventId = detail.path("eventId").textValue();
        if (eventId == null) {
            return logged(Outcome.UNREADABLE, detailType, null);
        }
        if (!settings.events().contains(detailType)) {
            return logged(Outcome.NOT_ENABLED, detailType, eventId);
        }
        Instant now = clock.instant();
        Optional<Instant> held = settings.quietHours().flatMap(quiet -> quiet.heldUntil(now));
        if (held.isPresent() && detail.path("userId").isTextual()) {
            store.hold(new HeldPush(held.get(), eventId, detailType, detail));
            return logged(Outcome.HELD, detailType, eventId);
        }
        return push(type.get(), eventId, detail);
    }

    /** The held pushes whose quiet hours are over; how many were released. */
    public int releaseDue() {
        List<HeldPush> due = store.due(clock.instant(), RELEASE_BATCH);
        for (HeldPush push : due) {
            EventType.ofWire(push.type()).ifPresent(type -> push(type, push.eventId(), push.detail()));
            store.release(push);
        }
        return due.size();
    }

    private Outcome push(EventType type, String eventId, JsonNode detail) {
        String userId = detail.path("userId").textValue();
        if (userId == null) {
            return logged(Outcome.NO_USER, type.wire(), eventId);
        }
        List<Device> devices = store.devicesOf(userId).stream().filter(Device::enabled).toList();
        if (devices.isEmpty()) {
            return logged(Outcome.NO_DEVICE, type.wire(), eventId);
        }
        PushUnavailableException unavailable = null;
        for (Device device : devices) {
            Optional<PushMessage> message = PushTexts.of(type, detail, device.locale(), zone);
            if (message.isEmpty()) {
                return logged(Outcome.UNREADABLE, type.wire(), eventId);
            }
            if (!store.markSent(eventId, device.id(), clock.instant())) {
                continue;
            }
            try {
                SnsEndpoints.Delivery delivery = sns.publish(device.endpointArn(), message.get().snsMessage(eventId, type.wire(), json));
                if (delivery != SnsEndpoints.Delivery.SENT) {
                    store.disable(device);
                }
                log.info("push", Map.of("eventId", eventId, "type", type.wire(), "device", device.id(), "outcome", delivery.name()));
            } catch (PushUnavailableException failure) {
                store.unmarkSent(eventId, device.id());
                unavailable = failure;
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
        return Outcome.PUSHED;
    }

    private Outcome logged(Outcome outcome, String type, String eventId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        if (eventId != null) {
            fields.put("eventId", eventId);
        }
        fields.put("outcome", outcome.name());
        log.info("push", fields);
        return outcome;
    }
}

package io.ycbridge.app.devices;

import io.ycbridge.app.RequestRefused;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.push.Device;
import io.ycbridge.push.Platform;
import io.ycbridge.push.PushSettings;
import io.ycbridge.push.PushStore;
import io.ycbridge.push.SnsEndpoints;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's devices as SNS platform endpoints, kept as the SNS developer guide keeps them ("Setting up an Amazon SNS
 * platform endpoint for mobile notifications", its pseudo code for token management): an endpoint is created once
 * per token (CreatePlatformEndpoint returns the existing one for a token it knows); at every registration its
 * attributes are read, a missing endpoint is created again, and one whose token differs or that SNS disabled is
 * given the token and enabled. So registering the same token again is harmless, and the app should do it at every
 * start, as the guide asks. A token that changes hands (a phone passed on) becomes the new user's device only.
 */
public final class DeviceRegistration {
    private final PushSettings settings;
    private final PushStore store;
    private final SnsEndpoints sns;
    private final Clock clock;
    private final DecisionLog log;

    public DeviceRegistration(PushSettings settings, PushStore store, SnsEndpoints sns, Clock clock, DecisionLog log) {
        this.settings = settings;
        this.store = store;
        this.sns = sns;
        this.clock = clock;
        this.log = log;
    }

    public Device register(String userId, Platform platform, String token, String locale) {
        String application = settings.application(platform).orElseThrow(() -> new RequestRefused(409,
                "push to " + platform.wire() + " devices is not set up in this deployment (" + platform.name() + "_PLATFORM_APPLICATION_ARN)"));
        String id = id(platform, token);
        Optional<Device> previous = store.device(id);
        String endpoint = previous.map(Device::endpointArn).orElseGet(() -> sns.create(application, token));
        Optional<SnsEndpoints.Attributes> attributes = sns.attributes(endpoint);
        if (attributes.isEmpty()) {
            endpoint = sns.create(application, token);
            attributes = sns.attributes(endpoint);
        }
        if (attributes.isEmpty() || !token.equals(attributes.get().token()) || !attributes.get().enabled()) {
            sns.enable(endpoint, token);
        }
        Device device = new Device(id, userId, platform, endpoint, locale == null ? settings.defaultLocale() : locale, true, clock.instant());
        store.save(device, previous);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("device", id);
        fields.put("platform", platform.wire());
        fields.put("outcome", previous.isEmpty() ? "REGISTERED" : previous.get().userId().equals(userId) ? "RENEWED" : "CHANGED_HANDS");
        log.info("device", fields);
        return device;
    }

    /** Another user's device answers as a missing one: a device id tells nobody else's. */
    public void remove(String userId, String deviceId) {
        Device device = store.device(deviceId).filter(found -> found.userId().equals(userId))
                .orElseThrow(() -> new RequestRefused(404, "no such device of yours"));
        sns.delete(device.endpointArn());
        store.remove(device);
        log.info("device", Map.of("device", deviceId, "outcome", "REMOVED"));
    }

    /** Every device of the user, endpoint and all: the user leaves (DELETE /v1/me). */
    public int forget(String userId) {
        List<Device> devices = store.devicesOf(userId);
        for (Device device : devices) {
            sns.delete(device.endpointArn());
            store.remove(device);
        }
        return devices.size();
    }

    /** The device's id: the same token on the same service is the same device, whichever user registers it. */
    static String id(Platform platform, String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((platform.wire() + ":" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

package io.ycbridge.push;

import java.time.Instant;

/**
 * A user's device as registered: the id the app deletes it by (derived from the token, so the same token is the same
 * device), its push service, its SNS endpoint, the language its pushes are written in, and whether SNS still pushes
 * to it. The token itself is SNS's to keep: we store only the endpoint.
 */
public record Device(String id, String userId, Platform platform, String endpointArn, String locale, boolean enabled, Instant updatedAt) {
    public Device disabled() {
        return new Device(id, userId, platform, endpointArn, locale, false, updatedAt);
    }
}

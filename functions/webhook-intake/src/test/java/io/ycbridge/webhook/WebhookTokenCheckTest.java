package io.ycbridge.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookTokenCheckTest {
    private static final String TOKEN = "k9Qx-2mVtL8pR4sZ7wYb";

    @Test
    void onlyTheExactTokenMatches() {
        WebhookTokenCheck check = new WebhookTokenCheck(() -> Optional.of(TOKEN));
        assertTrue(check.matches(TOKEN));
        assertFalse(check.matches("X" + TOKEN.substring(1)), "differs at the first character");
        assertFalse(check.matches(TOKEN.substring(0, TOKEN.length() - 1) + "X"), "differs at the last character");
        assertFalse(check.matches(TOKEN + "x"));
        assertFalse(check.matches(TOKEN.substring(1)));
        assertFalse(check.matches(""));
        assertFalse(check.matches(null));
    }

    @Test
    void anUnconfiguredDeploymentAcceptsNobody() {
        WebhookTokenCheck check = new WebhookTokenCheck(Optional::empty);
        assertFalse(check.configured());
        assertFalse(check.matches(""));
        assertFalse(check.matches("anything"));
    }
}

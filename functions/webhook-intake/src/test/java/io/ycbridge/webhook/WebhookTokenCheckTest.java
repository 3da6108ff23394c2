package io.ycbridge.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.secret.YClientsSecret;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.yclients.Brand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WebhookTokenCheckTest {
    private static final String TOKEN = "k9Qx-2mVtL8pR4sZ7wYb";
    private static final String ROTATED = "Zr7u0PqW3nB5yT1xC8dE";
    private final MovableClock clock = new MovableClock();

    @Test
    void onlyTheExactTokenMatches() {
        WebhookTokenCheck check = new WebhookTokenCheck(now -> List.of(TOKEN), () -> { }, clock);
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
        WebhookTokenCheck check = new WebhookTokenCheck(now -> List.of(), () -> { }, clock);
        assertFalse(check.configured());
        assertFalse(check.matches(""));
        assertFalse(check.matches("anything"));
    }

    /** The secret as Secrets Manager holds it, and as one execution environment has it cached. */
    private final AtomicReference<YClientsSecret> stored = new AtomicReference<>(secret(TOKEN, null));
    private final AtomicReference<YClientsSecret> cached = new AtomicReference<>(stored.get());
    private final AtomicInteger rereads = new AtomicInteger();
    private final WebhookTokenCheck rotating = new WebhookTokenCheck(now -> cached.get().acceptedWebhookTokens(now), () -> {
        rereads.incrementAndGet();
        cached.set(stored.get());
    }, clock);

    @Test
    void aRotationLosesNoDeliveryTheNewTokenAtOnceTheOldOneUntilItsGraceEnds() {
        assertTrue(rotating.matches(TOKEN));
        Instant graceEnds = clock.instant().plus(Duration.ofHours(1));
        stored.set(secret(ROTATED, new YClientsSecret.PreviousWebhookToken(TOKEN, graceEnds)));

        assertTrue(rotating.matches(ROTATED), "YClients' first delivery to the new URL, with the old secret still cached");
        assertEquals(1, rereads.get());
        assertTrue(rotating.matches(TOKEN), "a delivery YClients sent to the old URL during the grace period");

        clock.set(graceEnds);
        assertFalse(rotating.matches(TOKEN), "the old token is retired when its grace ends");
        assertTrue(rotating.matches(ROTATED));
    }

    @Test
    void strangersGuessingCostOneSecretReadAMinuteAtMost() {
        for (int guess = 0; guess < 100; guess++) {
            assertFalse(rotating.matches("guess-" + guess + "-0123456789"));
        }
        assertEquals(1, rereads.get());

        clock.advance(WebhookTokenCheck.REREAD_INTERVAL);
        assertFalse(rotating.matches("one-more-guess-0123456789"));
        assertEquals(2, rereads.get());
    }

    private static YClientsSecret secret(String webhookToken, YClientsSecret.PreviousWebhookToken previous) {
        return new YClientsSecret("partnerABCDEFGHIJKLMNOPQRS", null, null, null, Brand.YCLIENTS, null, List.of(), webhookToken, previous);
    }
}

package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The local JWT authorizer refuses what API Gateway's JWT authorizer refuses, and passes claims as strings. */
class LocalTokenIssuerTest {
    private static final byte[] KEY = "a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final LocalTokenIssuer issuer = new LocalTokenIssuer(KEY, "https://issuer.test", "app", clock);

    @Test
    void acceptsItsOwnTokenWithOrWithoutBearer() {
        String token = issuer.issue("user-1", Duration.ofHours(1));
        assertEquals("user-1", issuer.verify("Bearer " + token).orElseThrow().get("sub"));
        assertEquals("1795428000", issuer.verify(token).orElseThrow().get("iat"));
    }

    @Test
    void aVerifiedPhoneTokenCarriesTheOpenIdPhoneClaimsAsApiGatewayPassesThem() {
        var claims = issuer.verify(issuer.issueWithVerifiedPhone("user-1", "+79165550000", Duration.ofHours(1))).orElseThrow();

        assertEquals("+79165550000", claims.get("phone_number"));
        assertEquals("true", claims.get("phone_number_verified"), "a JSON boolean, handed on as text");
    }

    @Test
    void refusesWrongAudienceIssuerExpiryKeyAndTampering() {
        assertTrue(issuer.verify("Bearer " + issuer.issue("u", "other-app", Duration.ofHours(1))).isEmpty());
        assertTrue(new LocalTokenIssuer(KEY, "https://elsewhere", "app", clock).verify(issuer.issue("u", Duration.ofHours(1))).isEmpty());
        assertTrue(issuer.verify(issuer.issue("u", Duration.ZERO)).isEmpty());
        byte[] otherKey = "another-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
        assertTrue(new LocalTokenIssuer(otherKey, "https://issuer.test", "app", clock).verify(issuer.issue("u", Duration.ofHours(1))).isEmpty());
        String[] parts = issuer.issue("u", Duration.ofHours(1)).split("\\.");
        String forged = parts[0] + "." + issuer.issue("admin", Duration.ofHours(1)).split("\\.")[1] + "." + parts[2];
        assertTrue(issuer.verify(forged).isEmpty());
        assertTrue(issuer.verify(null).isEmpty());
        assertTrue(issuer.verify("Bearer not-a-jwt").isEmpty());
    }
}

package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local identity provider and the HTTP API's JWT authorizer in one: it signs test tokens (HS256) and checks them
 * the way API Gateway checks the app's tokens — signature, {@code exp} (and {@code nbf}), {@code iss} equal to the
 * configured issuer, {@code aud} containing the configured audience. API Gateway itself verifies RS256 against the
 * issuer's JWKS; a shared key is enough here because issuer and verifier are the same process, and it needs no
 * dependency and no key file.
 */
final class LocalTokenIssuer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    LocalTokenIssuer(byte[] key, String issuer, String audience, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    String audience() {
        return audience;
    }

    /** A token for {@code subject}, for this issuer and audience, valid for {@code lifetime}. */
    String issue(String subject, Duration lifetime) {
        return issue(subject, audience, lifetime);
    }

    /** With any audience: a token this API must refuse is as useful in a test as one it accepts. */
    String issue(String subject, String tokenAudience, Duration lifetime) {
        return issue(subject, tokenAudience, lifetime, Map.of());
    }

    /**
     * A token that also carries the OpenID Connect phone claims, as Cognito, Firebase and Auth0 issue them once the
     * phone is verified: {@code phone_number} in E.164 and {@code phone_number_verified} as a JSON boolean.
     */
    String issueWithVerifiedPhone(String subject, String phoneE164, Duration lifetime) {
        return issue(subject, audience, lifetime, Map.of("phone_number", phoneE164, "phone_number_verified", Boolean.TRUE));
    }

    private String issue(String subject, String tokenAudience, Duration lifetime, Map<String, Object> extra) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("sub", subject);
        claims.put("iss", issuer);
        claims.put("aud", tokenAudience);
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("scope", "openid");
        extra.forEach((name, value) -> claims.set(name, JSON.valueToTree(value)));
        String payload = ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return HEADER + "." + payload + "." + ENCODER.encodeToString(sign(HEADER + "." + payload));
    }

    /**
     * The claims of a valid token, as API Gateway hands them to the function ({@code requestContext.authorizer.jwt.claims}:
     * every value a string); empty for anything API Gateway would answer 401.
     *
     * @param authorization the Authorization header; a {@code Bearer } prefix is optional, as with API Gateway
     */
    Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(DECODER.decode(parts[0]));
            if (!"HS256".equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            // Constant-time comparison: a timing difference would let a caller forge a signature byte by byte.
            if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(DECODER.decode(parts[1]));
            long now = clock.instant().getEpochSecond();
            if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now
                    || claims.has("nbf") && claims.path("nbf").asLong() > now
                    || !issuer.equals(claims.path("iss").asText())
                    || !audienceMatches(claims.path("aud"))) {
                return Optional.empty();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            claims.fields().forEachRemaining(claim -> flat.put(claim.getKey(),
                    claim.getValue().isValueNode() ? claim.getValue().asText() : claim.getValue().toString()));
            return Optional.of(flat);
        } catch (java.io.IOException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private boolean audienceMatches(JsonNode aud) {
        if (aud.isTextual()) {
            return audience.equals(aud.asText());
        }
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (audience.equals(one.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

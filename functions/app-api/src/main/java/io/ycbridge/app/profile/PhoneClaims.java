package io.ycbridge.app.profile;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.phone.PhoneNormalizer;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token's word on the user's phone: the OpenID Connect claims {@code phone_number} and
 * {@code phone_number_verified} (Cognito, Firebase and Auth0 issue these; the names are configurable for providers
 * that use custom claims). The HTTP API's JWT authorizer has verified the token, and hands every claim to the
 * function as text, so a JSON {@code true} arrives as {@code "true"}; only that, in any case, counts as verified —
 * a missing, {@code "false"} or odd value ({@code "1"}, {@code "yes"}) proves nothing.
 */
record PhoneClaims(String phoneClaim, String verifiedClaim) {
    static final PhoneClaims OPENID = new PhoneClaims("phone_number", "phone_number_verified");
    /** A claim name as identity providers write them: short names or namespaced URLs, no spaces. */
    private static final Pattern NAME = Pattern.compile("\\S{1,256}");

    static PhoneClaims from(Config config) {
        String expected = "a token claim name without spaces, e.g. phone_number or https://example.com/phone";
        return new PhoneClaims(
                config.optional(EnvVar.JWT_PHONE_CLAIM, expected, PhoneClaims::name).orElse(OPENID.phoneClaim()),
                config.optional(EnvVar.JWT_PHONE_VERIFIED_CLAIM, expected, PhoneClaims::name).orElse(OPENID.verifiedClaim()));
    }

    /** The verified phone in E.164, normalised like the body's; empty when the token proves no phone. */
    Optional<String> verifiedPhone(Map<String, String> claims, PhoneNormalizer phones) {
        String verified = claims.get(verifiedClaim);
        String phone = claims.get(phoneClaim);
        if (verified == null || !verified.strip().equalsIgnoreCase("true") || phone == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(phones.parse(phone).e164());
        } catch (IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    private static String name(String text) {
        if (!NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("not a claim name");
        }
        return text;
    }
}

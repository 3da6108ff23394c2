package io.ycbridge.app.profile;

import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.app.booking.BookingStore;
import io.ycbridge.app.devices.DeviceRegistration;
import io.ycbridge.app.verification.PhoneVerificationStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code PUT /v1/me/profile} and {@code DELETE /v1/me}. A save validates what the app sent, stores it as the user's
 * contact data (the booking form's prefill reads it) and links the phone — taking it over from whoever held it, and
 * crediting the visits kept pending under it — only when the phone is proven:
 *
 * <ul>
 *   <li>by the token: its verified phone claim ({@link PhoneClaims}) is the body's phone;
 *   <li>by an SMS code: the phone-verification route left a live, unused proof for this user and this phone;
 *       the save uses it up;
 *   <li>earlier: the user's link already is this phone (a link exists only because of a proof).
 * </ul>
 *
 * An unproven phone is stored as contact data and links nothing, credits nothing, and the answer says so; it is
 * never refused, whoever holds the phone, so the answer does not tell a caller whether a number is another app
 * user's. Only {@link BonusAccrualService#linkProvenPhone} links, and it is never called for an unproven phone.
 */
public final class ProfileService {
    private static final int MAX_NAME = 100;
    private static final int MAX_CODE = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}_-]+");
    /** Money as the ledger writes it, two decimals. */
    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    private final BonusAccrualService bonus;
    private final UserLinkStore links;
    private final ProfileStore profiles;
    private final PhoneVerificationStore verifications;
    private final BookingStore bookings;
    private final DeviceRegistration devices;
    private final PhoneNormalizer phones;
    private final PhoneClaims claims;
    private final Clock clock;
    private final DecisionLog log;

    public ProfileService(BonusAccrualService bonus, UserLinkStore links, ProfileStore profiles, PhoneVerificationStore verifications,
                          BookingStore bookings, DeviceRegistration devices, PhoneNormalizer phones, PhoneClaims claims, Clock clock,
                          DecisionLog log) {
        this.bonus = bonus;
        this.devices = devices;
        this.links = links;
        this.profiles = profiles;
        this.verifications = verifications;
        this.bookings = bookings;
        this.phones = phones;
        this.claims = claims;
        this.clock = clock;
        this.log = log;
    }

    /** What the app sends. */
    public record Request(String name, String phone, String email, String code) {
    }

    /** How the phone was proven, if at all. */
    public enum Proof { TOKEN, SMS, EARLIER, NONE }

    /**
     * The stored profile; whether its phone is the user's linked phone after this save (read back, consistently);
     * how it was proven; what linking credited now.
     */
    public record Saved(Profile profile, boolean phoneVerified, Proof proof, BigDecimal credited) {
    }

    /** Thrown for a request we refuse with 400; the message names the field and never repeats a phone. */
    public static final class InvalidProfileException extends RuntimeException {
        InvalidProfileException(String message) {
            super(message);
        }
    }

    /**
     * @param tokenClaims the JWT authorizer's verified claims
     * @throws InvalidProfileException                for a missing or malformed field
     * @throws BonusAccrualService.ContendedException when concurrent writers kept winning the link (answer 503)
     */
    public Saved save(String userId, Map<String, String> tokenClaims, Request request) {
        Profile profile = validated(userId, request);
        String phone = profile.phoneE164();
        Instant now = clock.instant();
        // Contact data first and always: what the user told us is theirs to keep, proven or not.
        profiles.put(profile);
        Proof proof = proofOf(userId, tokenClaims, phone, now);
        BigDecimal credited = NOTHING;
        if (proof == Proof.TOKEN || proof == Proof.SMS) {
            credited = bonus.linkProvenPhone(userId, phone);
            if (proof == Proof.SMS) {
                // After the link, so a failed link leaves the proof for the retry; a lost race here used it once anyway.
                verifications.useProof(userId, phone, now);
            }
        }
        // Read back rather than assumed: a concurrent save of another proven phone may have won the user's one link.
        boolean verified = proof != Proof.NONE && linkedPhone(userId).filter(phone::equals).isPresent();
        decided(proof, verified, credited);
        return new Saved(profile, verified, proof, credited);
    }

    /**
     * {@code DELETE /v1/me}: the user's links end and the ledger keeps its entries without anything that names the
     * user ({@link BonusAccrualService#erase}), the profile and every code and proof of the user are deleted, and so
     * are the user's devices and their SNS endpoints (DeviceRegistration#forget). Safe to
     * repeat; the ledger goes first so a failure part-way leaves personal data to retry on, never a ledger that
     * still names a user whose profile is gone.
     */
    public void erase(String userId) {
        bonus.erase(userId);
        profiles.delete(userId);
        verifications.deleteUser(userId);
        bookings.deleteUser(userId);
        // Last: a push to a device of a user who left would name what they no longer have.
        devices.forget(userId);
        log.info("account-erased", Map.of("outcome", "erased"));
    }

    private Proof proofOf(String userId, Map<String, String> tokenClaims, String phone, Instant now) {
        if (claims.verifiedPhone(tokenClaims, phones).filter(phone::equals).isPresent()) {
            return Proof.TOKEN;
        }
        if (linkedPhone(userId).filter(phone::equals).isPresent()) {
            return Proof.EARLIER;
        }
        boolean smsProof = verifications.code(userId, phone)
                .filter(code -> code.state() == PhoneVerificationStore.State.PROVEN && code.live(now))
                .isPresent();
        return smsProof ? Proof.SMS : Proof.NONE;
    }

    /** The user's linked phone, read consistently (UserLinkStore.linksOf). */
    private Optional<String> linkedPhone(String userId) {
        return links.linksOf(userId).map(UserLinkStore.Links::phoneE164);
    }

    private Profile validated(String userId, Request request) {
        String name = trimmed(request.name());
        if (name == null) {
            throw new InvalidProfileException("name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidProfileException("name is longer than " + MAX_NAME + " characters");
        }
        if (request.phone() == null || request.phone().isBlank()) {
            throw new InvalidProfileException("phone is required");
        }
        String phone;
        try {
            phone = phones.parse(request.phone()).e164();
        } catch (IllegalArgumentException invalid) {
            throw new InvalidProfileException(invalid.getMessage());
        }
        String email = trimmed(request.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidProfileException("email is not an e-mail address");
        }
        String code = trimmed(request.code());
        if (code != null && (code.length() > MAX_CODE || !CODE.matcher(code).matches())) {
            throw new InvalidProfileException("code must be up to " + MAX_CODE + " letters, digits, '-' or '_'");
        }
        return new Profile(userId, name, phone, email, code, clock.instant());
    }

    /** One line per save: how the phone was proven and what it did; never the user, the phone or the body. */
    private void decided(Proof proof, boolean verified, BigDecimal credited) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("proof", proof.name().toLowerCase(java.util.Locale.ROOT));
        fields.put("outcome", proof == Proof.NONE ? "contact-only" : verified ? "linked" : "link-lost-to-a-concurrent-save");
        fields.put("credited", credited.toPlainString());
        log.info("profile-saved", fields);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.ycbridge.bonus;

import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.profile.Profile;
import io.ycbridge.profile.ProfileStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * {@code PUT /v1/me/profile}: validates what the app sent, normalises the phone to E.164, links the user to that phone
 * (crediting visits kept pending under it) and stores the profile the booking-url route reads. Needs only our tables.
 *
 * <p>Linking comes first: when another user holds the phone nothing is stored, so a profile never names a phone its
 * user is not linked to. Both writes are idempotent, so a retry after a failure between them completes the pair.
 */
public final class ProfileService {
    private static final int MAX_NAME = 100;
    private static final int MAX_CODE = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private final BonusAccrualService bonus;
    private final UserLinkStore links;
    private final ProfileStore profiles;
    private final PhoneNormalizer phones;
    private final Clock clock;

    public ProfileService(BonusAccrualService bonus, UserLinkStore links, ProfileStore profiles, PhoneNormalizer phones, Clock clock) {
        this.bonus = bonus;
        this.links = links;
        this.profiles = profiles;
        this.phones = phones;
        this.clock = clock;
    }

    /** What the app sends. */
    public record Request(String name, String phone, String email, String code) {
    }

    /** The stored profile and what linking credited now. */
    public record Saved(Profile profile, BigDecimal credited) {
    }

    /** Thrown for a request we refuse with 400; the message names the field and never repeats a phone. */
    public static final class InvalidProfileException extends RuntimeException {
        InvalidProfileException(String message) {
            super(message);
        }
    }

    /**
     * @throws InvalidProfileException         for a missing or malformed field
     * @throws UserLinkStore.LinkConflictException when another user holds the phone
     */
    public Saved save(String userId, Request request) {
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
        BigDecimal credited = bonus.linkProvenPhone(userId, phone);
        Profile profile = new Profile(userId, name, phone, email, code, clock.instant());
        profiles.put(profile);
        return new Saved(profile, credited);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

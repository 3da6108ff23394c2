package io.ycbridge.app.verification;

import io.ycbridge.observe.DecisionLog;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.app.verification.PhoneVerificationStore.Code;
import io.ycbridge.app.verification.PhoneVerificationStore.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Proof of phone ownership for identity providers that issue no verified phone: {@link #send} texts a six-digit code
 * to the phone, {@link #verify} turns the right code into a proof that {@code PUT /v1/me/profile} uses once to link
 * the phone. A code and its proof belong to the user who asked and the phone it went to, and nothing else.
 *
 * <p>Order matters twice. A code is stored before it is sent, so no SMS ever carries a code we could not check. Limits
 * are counted before anything is stored or compared, so a caller over the limit learns nothing, not even whether a
 * code was right.
 */
public final class PhoneVerificationService {
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    /** Rereads when another request changed the code between our read and our write; a few settle any honest race. */
    private static final int ATTEMPTS = 3;

    private final PhoneVerificationStore store;
    private final SmsSender sms;
    private final PhoneNormalizer phones;
    private final VerificationRules rules;
    private final Clock clock;
    private final DecisionLog log;

    PhoneVerificationService(PhoneVerificationStore store, SmsSender sms, PhoneNormalizer phones, VerificationRules rules, Clock clock,
                             DecisionLog log) {
        this.store = store;
        this.sms = sms;
        this.phones = phones;
        this.rules = rules;
        this.clock = clock;
        this.log = log;
    }

    /** A code went out; it answers for {@code expiresIn}. */
    public record Sent(Duration expiresIn) {
    }

    /** The phone is proven for a profile save until {@code until}. */
    public record Proven(Instant until) {
    }

    /** 400: malformed input; the message names the field, never its value. */
    public static final class InvalidRequestException extends RuntimeException {
        InvalidRequestException(String message) {
            super(message);
        }
    }

    /** 429: a limit is reached; {@code retryAfter} is when its window ends. */
    public static final class LimitedException extends RuntimeException {
        private final Duration retryAfter;

        LimitedException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** 422: no live code for this user and phone, or not this one. */
    public static final class WrongCodeException extends RuntimeException {
        WrongCodeException(String message) {
            super(message);
        }
    }

    public Sent send(String userId, String rawPhone) {
        String phone = phone(rawPhone);
        Instant now = clock.instant();
        limited("send", store.tryCount(rules.sendsPerUser(), PhoneVerificationStore.userKey(userId), now),
                "too many codes were asked for by this user; try again later");
        limited("send", store.tryCount(rules.sendsPerPhone(), PhoneVerificationStore.phoneKey(phone), now),
                "too many codes were sent to this phone; try again later");
        String code = CodeDigest.newCode();
        byte[] salt = CodeDigest.salt();
        store.putCode(userId, phone, salt, CodeDigest.of(salt, userId, phone, code), rules.attemptsPerCode(), now.plus(rules.codeLifetime()));
        sms.send(phone, "Код подтверждения: " + code + ". Никому его не сообщайте.");
        decided("send", "sent");
        return new Sent(rules.codeLifetime());
    }

    public Proven verify(String userId, String rawPhone, String rawCode) {
        String phone = phone(rawPhone);
        String code = rawCode == null ? "" : rawCode.strip();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidRequestException("code must be the six digits of the SMS");
        }
        Instant now = clock.instant();
        limited("verify", store.exhausted(rules.wrongPerUser(), PhoneVerificationStore.userKey(userId), now),
                "too many wrong codes from this user; try again later");
        limited("verify", store.exhausted(rules.wrongPerPhone(), PhoneVerificationStore.phoneKey(phone), now),
                "too many wrong codes for this phone; try again later");
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Code> found = store.code(userId, phone);
            Code seen = found.filter(c -> c.state() == State.PENDING && c.attemptsLeft() > 0 && c.live(now)).orElse(null);
            if (seen == null) {
                refused(found.map(c -> c.state() == State.PENDING ? (c.live(now) ? "dead" : "expired") : c.state() == State.DEAD ? "dead"
                        : "replayed").orElse("no-code"));
            }
            if (CodeDigest.matches(seen.hash(), seen.salt(), userId, phone, code)) {
                Instant until = now.plus(rules.proofLifetime());
                if (store.prove(seen, until)) {
                    decided("verify", "proven");
                    return new Proven(until);
                }
            } else if (store.wrongAnswer(seen)) {
                store.count(rules.wrongPerUser(), PhoneVerificationStore.userKey(userId), now);
                store.count(rules.wrongPerPhone(), PhoneVerificationStore.phoneKey(phone), now);
                decided("verify", seen.attemptsLeft() <= 1 ? "wrong-code-dead" : "wrong-code");
                throw new WrongCodeException(seen.attemptsLeft() <= 1 ? "wrong code; that was the last attempt: ask for a new code"
                        : "wrong code; " + (seen.attemptsLeft() - 1) + " attempts left");
            }
            // The code changed between our read and our write (a resend, a concurrent answer): read it again.
        }
        refused("contended");
        return null; // not reached: refused throws
    }

    private void refused(String outcome) {
        decided("verify", outcome);
        throw new WrongCodeException(switch (outcome) {
            case "expired" -> "the code has expired: ask for a new one";
            case "replayed" -> "the code was used already: ask for a new one";
            case "dead" -> "too many wrong attempts for this code: ask for a new one";
            case "contended" -> "the code changed while it was checked: try again";
            default -> "no code was sent to this phone for this user: ask for one first";
        });
    }

    private String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequestException("phone is required");
        }
        try {
            return phones.parse(raw).e164();
        } catch (IllegalArgumentException invalid) {
            throw new InvalidRequestException(invalid.getMessage());
        }
    }

    private void limited(String step, Optional<Duration> retryAfter, String reason) {
        if (retryAfter.isPresent()) {
            decided(step, "limited");
            throw new LimitedException(reason, retryAfter.get());
        }
    }

    /** One line per decision; no user, phone or code. */
    private void decided(String step, String outcome) {
        log.info("phone-verification", Map.of("step", step, "outcome", outcome));
    }
}

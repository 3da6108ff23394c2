package io.ycbridge.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The online-booking forms' state: which companies confirm phones by SMS ({@code book_code}, then {@code code} in
 * {@code book_record}; every company does unless told otherwise, as the company answer's {@code phone_confirmation:
 * true} has always said, and that field follows this setting), the codes "sent" (a test reads them here, as a person reads their phone), and each booked
 * record's hash, which lets its user read or cancel it without logging in, and each company's {@link RecordRules} for
 * what that user may still do with it.
 */
public final class BookingForms {
    private final Set<Long> notConfirmingPhones = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<Long, String> hashes = new ConcurrentHashMap<>();
    private final Map<Long, RecordRules> rules = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    BookingForms() {
    }

    /** Whether the company's form asks for an SMS code before booking (on unless turned off). */
    public BookingForms requirePhoneConfirmation(long companyId, boolean on) {
        if (on) {
            notConfirmingPhones.remove(companyId);
        } else {
            notConfirmingPhones.add(companyId);
        }
        return this;
    }

    public boolean confirmsPhones(long companyId) {
        return !notConfirmingPhones.contains(companyId);
    }

    /**
     * Whether and until when before a visit its booking user may cancel or move it, for the company's records;
     * {@link RecordRules#ALLOW_ALL} unless set. {@code GET /user/records} shows them in its company object.
     */
    public BookingForms recordRules(long companyId, RecordRules companyRules) {
        rules.put(companyId, Objects.requireNonNull(companyRules, "companyRules"));
        return this;
    }

    public RecordRules recordRules(long companyId) {
        return rules.getOrDefault(companyId, RecordRules.ALLOW_ALL);
    }

    /** The last code sent to this phone (any notation) for the company's form. */
    public Optional<String> sentCode(long companyId, String phone) {
        return Optional.ofNullable(codes.get(key(companyId, phone)));
    }

    /** How many codes were sent in all: a test sees that a failed booking did not text the person again. */
    public int sentCount() {
        return sent.get();
    }

    String send(long companyId, String phone) {
        // Five digits, as the reference's examples ("38829", 20145).
        String code = Integer.toString(10_000 + random.nextInt(90_000));
        codes.put(key(companyId, phone), code);
        sent.incrementAndGet();
        return code;
    }

    boolean accepts(long companyId, String phone, String code) {
        String expected = codes.get(key(companyId, phone));
        return expected != null && expected.equals(code == null ? null : code.strip());
    }

    /** A used code is spent: the next booking needs a new SMS. */
    void spend(long companyId, String phone) {
        codes.remove(key(companyId, phone));
    }

    String hashFor(long recordId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String hash = HexFormat.of().formatHex(bytes);
        hashes.put(recordId, hash);
        return hash;
    }

    boolean hashMatches(long recordId, String hash) {
        return hash != null && hash.equals(hashes.get(recordId));
    }

    private static String key(long companyId, String phone) {
        return companyId + ":" + (phone == null ? "" : phone.replaceAll("\\D", ""));
    }
}

package io.ycbridge.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.phone.InvalidPhoneNumberException.Reason;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the phone forms YClients and Altegio send — {@code 70001234567} (a JSON number), {@code "380671112233"},
 * {@code "+7 999 123-45-67"}, {@code "8 (999) 123-45-67"}, {@code "0671112233"} — into E.164, with Google's
 * libphonenumber and one default region: the company's own country.
 *
 * <ul>
 *   <li>A number written with {@code +} or the {@code 00} international prefix keeps its own country, whatever the
 *   default region ({@code 00} is read here, not by libphonenumber, since some regions' metadata, Russia's among
 *   them, name only their own prefix, {@code 8 10}, which is read too).</li>
 *   <li>Digits without either are read two ways: in the default region (its trunk prefix, {@code 8} in Russia and
 *   {@code 0} in Ukraine, and its own country code without the plus) and as a country code and number without the
 *   plus, the API's own way of writing numbers. When only one reading is a possible number, it wins.</li>
 *   <li>When both are possible and they differ, the one libphonenumber calls valid wins; when both are valid (or
 *   neither), the default region's reading wins: a salon's clients mostly live in its country and its staff type
 *   their numbers without the country code (a Moscow landline {@code 4951234567} is not a German number), while the
 *   API's numbers with a country code are mostly of a length the default region's numbers never have
 *   ({@code 380671112233} is twelve digits; Russian numbers are ten).</li>
 * </ul>
 *
 * <p>The check is {@link PhoneNumberUtil#isPossibleNumberWithReason possible} (the right length for the country),
 * not {@link PhoneNumberUtil#isValidNumber valid} (a range the metadata knows is allocated): records come from the
 * API, where a real client's phone must not be dropped because a new range reached the operators before our copy
 * of the metadata; YClients' own example {@code 70001234567} is possible and not valid. Validity only breaks ties.
 * A wrong but possible number costs nothing: a phone pays bonuses only once its owner has proven it.
 *
 * <p>Letters, extensions ({@code доб. 12}, {@code ext. 5}) and a plus inside the number are refused, not guessed
 * around. Reasons never quote the number.
 */
public final class PhoneNormalizer {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";
    private static final int E164_MIN_DIGITS = 8;
    // libphonenumber refuses longer national numbers anyway; this spares it text that can be no phone at all.
    private static final int MAX_DIGITS = 20;

    private final String region;

    private PhoneNormalizer(String region) {
        this.region = region;
    }

    /**
     * @param region an ISO 3166-1 alpha-2 code libphonenumber has metadata for ("RU", "UA", "KZ", "GB"), any case
     * @throws IllegalArgumentException naming the known regions' form when it is not one
     */
    public static PhoneNormalizer forRegion(String region) {
        return new PhoneNormalizer(region(region).orElseThrow(() -> new IllegalArgumentException(
                "not a region with phone metadata: expected an ISO 3166-1 alpha-2 code such as RU, UA, KZ or GB")));
    }

    /** Russia: YClients' home market, and the default region when nothing else says. */
    public static PhoneNormalizer russia() {
        return forRegion("RU");
    }

    /**
     * The deployment's default region, {@code PHONE_DEFAULT_REGION} (RU when unset): for what belongs to no company,
     * such as an app user's profile, and for companies whose country nothing names ({@link PhoneRegions}).
     */
    public static PhoneNormalizer fromConfig(Config config) {
        return config.optional(EnvVar.PHONE_DEFAULT_REGION, "an ISO 3166-1 alpha-2 region code with phone metadata, e.g. RU, UA, KZ",
                PhoneNormalizer::forRegion).orElseGet(PhoneNormalizer::russia);
    }

    /** The region in the upper-case form libphonenumber uses, or empty when it has no phone metadata for it. */
    public static Optional<String> region(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return PHONES.getSupportedRegions().contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** Every region code {@link #forRegion} accepts, sorted. */
    public static Set<String> regions() {
        return new TreeSet<>(PHONES.getSupportedRegions());
    }

    /** The default region, e.g. "RU". */
    public String region() {
        return region;
    }

    /** The number in E.164, or empty when the text is no usable number; see {@link #parse} for the reason. */
    public Optional<PhoneNumber> normalize(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }

    /** The API sometimes sends the phone as a JSON number. */
    public Optional<PhoneNumber> normalize(long number) {
        return number <= 0 ? Optional.empty() : normalize(Long.toString(number));
    }

    /**
     * @throws InvalidPhoneNumberException with the reason, never quoting the input
     */
    public PhoneNumber parse(String raw) {
        Written written = Written.of(raw);
        if (written.international()) {
            return e164(reading("+" + written.digits(), UNKNOWN_REGION).numberOrThrow());
        }
        Reading national = reading(written.digits(), region);
        Reading international = reading("+" + written.digits(), UNKNOWN_REGION);
        return e164(choose(national, international));
    }

    private static Phonenumber.PhoneNumber choose(Reading national, Reading international) {
        if (!international.possible()) {
            return national.numberOrThrow();
        }
        if (!national.possible()) {
            return international.number();
        }
        if (PHONES.format(national.number(), PhoneNumberFormat.E164).equals(PHONES.format(international.number(), PhoneNumberFormat.E164))) {
            return national.number();
        }
        boolean nationalValid = PHONES.isValidNumber(national.number());
        return nationalValid || !PHONES.isValidNumber(international.number()) ? national.number() : international.number();
    }

    private Reading reading(String text, String parseRegion) {
        Phonenumber.PhoneNumber number;
        try {
            number = PHONES.parse(text, parseRegion);
        } catch (NumberParseException e) {
            return new Reading(null, refusal(e));
        }
        ValidationResult possible = PHONES.isPossibleNumberWithReason(number);
        if (possible == ValidationResult.IS_POSSIBLE) {
            return new Reading(number, null);
        }
        // As before libphonenumber: a number written with the default country's own code and a length that country's
        // numbers never have says so; the app shows this reason to the user who typed it.
        boolean homeCodeWritten = text.startsWith("+") && number.getCountryCode() == PHONES.getCountryCodeForRegion(region);
        boolean wrongLength = possible == ValidationResult.TOO_SHORT || possible == ValidationResult.TOO_LONG;
        return new Reading(number, refusal(homeCodeWritten && wrongLength ? ValidationResult.INVALID_LENGTH : possible, number));
    }

    private static PhoneNumber e164(Phonenumber.PhoneNumber number) {
        String e164 = PHONES.format(number, PhoneNumberFormat.E164);
        if (e164.length() - 1 < E164_MIN_DIGITS) {
            // Possible in a few small territories (+290 has five-digit numbers), but no client of ours has one.
            throw new InvalidPhoneNumberException(Reason.TOO_SHORT, (e164.length() - 1) + " digits with the country code, "
                    + "fewer than the " + E164_MIN_DIGITS + " we store");
        }
        return new PhoneNumber(e164);
    }

    private static InvalidPhoneNumberException refusal(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> new InvalidPhoneNumberException(Reason.UNKNOWN_FORMAT, "no country has this calling code");
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> new InvalidPhoneNumberException(Reason.TOO_SHORT, "too few digits for a phone number");
            case TOO_LONG -> new InvalidPhoneNumberException(Reason.TOO_LONG, "too many digits for a phone number");
            case NOT_A_NUMBER -> new InvalidPhoneNumberException(Reason.UNKNOWN_FORMAT, "not a phone number");
        };
    }

    private static InvalidPhoneNumberException refusal(ValidationResult result, Phonenumber.PhoneNumber number) {
        String country = "+" + number.getCountryCode() + " numbers";
        return switch (result) {
            case TOO_SHORT -> new InvalidPhoneNumberException(Reason.TOO_SHORT, "too few digits for " + country);
            case IS_POSSIBLE_LOCAL_ONLY -> new InvalidPhoneNumberException(Reason.TOO_SHORT, "a local number without its area code");
            case TOO_LONG -> new InvalidPhoneNumberException(Reason.TOO_LONG, "too many digits for " + country);
            case INVALID_LENGTH -> new InvalidPhoneNumberException(Reason.WRONG_LENGTH_FOR_COUNTRY,
                    "a length " + country + " never have");
            case INVALID_COUNTRY_CODE -> new InvalidPhoneNumberException(Reason.UNKNOWN_FORMAT, "no country has this calling code");
            case IS_POSSIBLE -> throw new IllegalStateException("a possible number is no refusal");
        };
    }

    /** One way of reading the digits: the number, and why it is no possible number (null when it is). */
    private record Reading(Phonenumber.PhoneNumber number, InvalidPhoneNumberException refusal) {
        boolean possible() {
            return refusal == null;
        }

        Phonenumber.PhoneNumber numberOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return number;
        }
    }

    /** The digits as written, and whether they were marked international ({@code +} or {@code 00}). */
    private record Written(String digits, boolean international) {
        static Written of(String raw) {
            if (raw == null || raw.isBlank()) {
                throw new InvalidPhoneNumberException(Reason.EMPTY, "nothing given");
            }
            boolean plus = false;
            StringBuilder digits = new StringBuilder(16);
            String text = raw.strip();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                } else if (c == '+' && i == 0) {
                    plus = true;
                } else if (!isSeparator(c)) {
                    throw new InvalidPhoneNumberException(Reason.ILLEGAL_CHARACTERS, "character " + describe(c) + " at position " + i);
                }
            }
            if (digits.isEmpty()) {
                throw new InvalidPhoneNumberException(plus ? Reason.TOO_SHORT : Reason.EMPTY, "no digits");
            }
            if (digits.length() > MAX_DIGITS) {
                throw new InvalidPhoneNumberException(Reason.TOO_LONG, digits.length() + " digits, E.164 allows 15");
            }
            String number = digits.toString();
            if (!plus && number.startsWith("00")) {
                // The international call prefix of Europe and, besides 8 10, of Russia and Kazakhstan.
                return new Written(number.substring(2), true);
            }
            return new Written(number, plus);
        }

        private static boolean isSeparator(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '(' || c == ')' || c == '.' || c == '/'
                    || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014';
        }

        private static String describe(char c) {
            return Character.isLetter(c) ? "a letter" : "'" + c + "'";
        }
    }
}

package io.ycbridge.phone;

import io.ycbridge.phone.InvalidPhoneNumberException.Reason;
import java.util.Optional;

/**
 * Turns the phone forms YClients sends — {@code 70001234567} (a JSON number), {@code "+79990000000"},
 * {@code "+7 999 123-45-67"}, {@code "8 (999) 123-45-67"} — into E.164. A number written without a country code is
 * read in the default country: with its trunk prefix ({@code 8} in Russia) replaced by the country code, or as a
 * bare national number. Numbers written with {@code +} or {@code 00} keep their own country.
 */
public final class PhoneNormalizer {
    private static final int E164_MAX_DIGITS = 15;
    private static final int E164_MIN_DIGITS = 8;

    private final String countryCode;
    private final int nationalLength;
    private final String trunkPrefix;

    /**
     * @param countryCode    the default country's calling code without the plus ("7")
     * @param nationalLength the length of that country's national numbers (10 for +7)
     * @param trunkPrefix    the domestic dialling prefix that stands for the country code ("8" in Russia), or ""
     */
    public PhoneNormalizer(String countryCode, int nationalLength, String trunkPrefix) {
        if (!countryCode.matches("[1-9]\\d{0,2}") || nationalLength < 4 || !trunkPrefix.matches("\\d*")) {
            throw new IllegalArgumentException("bad default country: +" + countryCode + ", " + nationalLength + " digits, trunk '" + trunkPrefix + "'");
        }
        this.countryCode = countryCode;
        this.nationalLength = nationalLength;
        this.trunkPrefix = trunkPrefix;
    }

    /** Russia and Kazakhstan (+7, ten national digits, trunk prefix 8): YClients' home market and the default. */
    public static PhoneNormalizer russia() {
        return new PhoneNormalizer("7", 10, "8");
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
        if (raw == null || raw.isBlank()) {
            throw new InvalidPhoneNumberException(Reason.EMPTY, "nothing given");
        }
        boolean international = false;
        StringBuilder digits = new StringBuilder(16);
        String text = raw.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                international = true;
            } else if (!isSeparator(c)) {
                throw new InvalidPhoneNumberException(Reason.ILLEGAL_CHARACTERS, "character " + describe(c) + " at position " + i);
            }
        }
        String number = digits.toString();
        if (!international && number.startsWith("00")) {
            // The international call prefix used across Europe and Russia instead of '+'.
            international = true;
            number = number.substring(2);
        }
        if (international) {
            return international(number);
        }
        return national(number);
    }

    private PhoneNumber international(String number) {
        if (number.isEmpty() || number.charAt(0) == '0') {
            throw new InvalidPhoneNumberException(Reason.UNKNOWN_FORMAT, "a country code never starts with 0");
        }
        if (number.startsWith(countryCode)) {
            int national = number.length() - countryCode.length();
            if (national != nationalLength) {
                throw new InvalidPhoneNumberException(Reason.WRONG_LENGTH_FOR_COUNTRY, "+" + countryCode + " numbers have "
                        + nationalLength + " digits after the country code, this one has " + national);
            }
        }
        return checkedE164(number);
    }

    private PhoneNumber national(String number) {
        if (number.length() == countryCode.length() + nationalLength && number.startsWith(countryCode)) {
            return checkedE164(number);
        }
        if (!trunkPrefix.isEmpty() && number.length() == trunkPrefix.length() + nationalLength && number.startsWith(trunkPrefix)) {
            return checkedE164(countryCode + number.substring(trunkPrefix.length()));
        }
        if (number.length() == nationalLength) {
            return checkedE164(countryCode + number);
        }
        if (number.length() < nationalLength) {
            throw new InvalidPhoneNumberException(Reason.TOO_SHORT, number.length() + " digits, a number of +" + countryCode
                    + " has " + nationalLength + " without the country code");
        }
        if (number.length() > E164_MAX_DIGITS) {
            throw new InvalidPhoneNumberException(Reason.TOO_LONG, number.length() + " digits, E.164 allows " + E164_MAX_DIGITS);
        }
        throw new InvalidPhoneNumberException(Reason.UNKNOWN_FORMAT, number.length() + " digits without a + and not in the form "
                + countryCode + "XXXXXXXXXX" + (trunkPrefix.isEmpty() ? "" : " or " + trunkPrefix + "XXXXXXXXXX")
                + ": write foreign numbers with + and the country code");
    }

    private static PhoneNumber checkedE164(String digits) {
        if (digits.length() < E164_MIN_DIGITS) {
            throw new InvalidPhoneNumberException(Reason.TOO_SHORT, digits.length() + " digits, E.164 needs at least " + E164_MIN_DIGITS);
        }
        if (digits.length() > E164_MAX_DIGITS) {
            throw new InvalidPhoneNumberException(Reason.TOO_LONG, digits.length() + " digits, E.164 allows " + E164_MAX_DIGITS);
        }
        return new PhoneNumber("+" + digits);
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '(' || c == ')' || c == '.' || c == '/'
                || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014';
    }

    private static String describe(char c) {
        return Character.isLetter(c) ? "a letter" : "'" + c + "'";
    }
}

package io.ycbridge.phone;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 ({@code +79991234567}): the one form stored and compared, whatever the API sent. A
 * phone number is personal data: {@link #toString()} shows only the first digit and the last two.
 */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.UNKNOWN_FORMAT,
                    "not E.164 (a + followed by 8 to 15 digits, the first not 0)");
        }
    }

    /** The digits without the plus, e.g. for YClients' client search, which takes {@code 79991234567}. */
    public String digits() {
        return e164.substring(1);
    }

    /** {@code +7*******67}: enough to tell two numbers apart in a log, not enough to call anyone. */
    public String masked() {
        return e164.substring(0, 2) + "*".repeat(e164.length() - 4) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return "PhoneNumber[" + masked() + "]";
    }
}

package io.ycbridge.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.phone.InvalidPhoneNumberException.Reason;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNormalizerTest {
    private final PhoneNormalizer russia = PhoneNormalizer.russia();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            70001234567              | +70001234567
            +79990000000             | +79990000000
            +7 999 123-45-67         | +79991234567
            +7 (999) 123-45-67       | +79991234567
            8 999 123 45 67          | +79991234567
            8(999)1234567            | +79991234567
            89991234567              | +79991234567
            9991234567               | +79991234567
            007 999 123 45 67        | +79991234567
            '  +7\u00a0999\u00a0123\u00a045\u00a067 ' | +79991234567
            +7-999-123-45-67         | +79991234567
            +7.999.123.45.67         | +79991234567
            +49 30 1234567           | +49301234567
            +375 29 123-45-67        | +375291234567
            0049 30 1234567          | +49301234567
            """)
    void normalisesToE164(String raw, String e164) {
        assertEquals(e164, russia.parse(raw).e164());
        assertEquals(Optional.of(new PhoneNumber(e164)), russia.normalize(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                     | EMPTY
            ''                       | EMPTY
            '   '                    | EMPTY
            +7 999 123-45-6          | WRONG_LENGTH_FOR_COUNTRY
            +7 999 123-45-678        | WRONG_LENGTH_FOR_COUNTRY
            12345                    | TOO_SHORT
            999123456                | TOO_SHORT
            +7 999 ABC-45-67         | ILLEGAL_CHARACTERS
            8 999 123-45-67 доб. 12  | ILLEGAL_CHARACTERS
            7+9991234567             | ILLEGAL_CHARACTERS
            +0 999 123 45 67         | UNKNOWN_FORMAT
            +1234567                 | TOO_SHORT
            +1234567890123456        | TOO_LONG
            1234567890123456         | TOO_LONG
            59991234567              | UNKNOWN_FORMAT
            """)
    void refusesWithAReason(String raw, Reason reason) {
        InvalidPhoneNumberException refused = assertThrows(InvalidPhoneNumberException.class, () -> russia.parse(raw));

        assertEquals(reason, refused.reason(), refused.getMessage());
        assertTrue(russia.normalize(raw).isEmpty());
        if (raw != null && raw.length() > 4) {
            assertFalse(refused.getMessage().contains(raw.strip()), "the message repeats the number: " + refused.getMessage());
        }
    }

    @Test
    void acceptsTheApisNumericPhone() {
        assertEquals("+70001234567", russia.normalize(70001234567L).orElseThrow().e164());
        assertTrue(russia.normalize(0L).isEmpty());
    }

    @Test
    void masksItselfInToString() {
        PhoneNumber phone = russia.parse("+7 999 123-45-67");

        assertEquals("+7********67", phone.masked());
        assertFalse(phone.toString().contains("9991234"), phone.toString());
        assertEquals("79991234567", phone.digits());
    }

    @Test
    void anotherDefaultCountryReadsNationalNumbersThere() {
        PhoneNormalizer germany = new PhoneNormalizer("49", 10, "0");

        assertEquals("+493012345678", germany.parse("030 12345678").e164());
        assertEquals("+79991234567", germany.parse("+7 999 123 45 67").e164());
    }

    @Test
    void rejectsANonE164Value() {
        assertThrows(InvalidPhoneNumberException.class, () -> new PhoneNumber("79991234567"));
        assertThrows(InvalidPhoneNumberException.class, () -> new PhoneNumber("+0123456789"));
    }
}

package io.ycbridge.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.ycbridge.phone.InvalidPhoneNumberException.Reason;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNormalizerTest {
    private final PhoneNormalizer russia = PhoneNormalizer.russia();

    /**
     * Besides the cases: spaces, dashes, dots, parentheses and no-break spaces; the API's digits with the
     * country code and no plus; 00 and the Soviet-era 8 10 international prefix, still typed in Russia; the recycled
     * +7 940 range (Abkhazia, formerly +995 44) and Kazakhstan's +7 6xx/7xx, which share Russia's +7 and its trunk 8.
     */
    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RU | +7 916 123-45-67         | +79161234567
            RU | 8 916 123 45 67          | +79161234567
            RU | 79161234567              | +79161234567
            RU | 9161234567               | +79161234567
            RU | 8(916)1234567            | +79161234567
            RU | +7 (916) 123-45-67       | +79161234567
            RU | +7.916.123.45.67         | +79161234567
            RU | '  +7\u00a0916\u00a0123\u00a045\u00a067 ' | +79161234567
            RU | 70001234567              | +70001234567
            RU | 380671112233             | +380671112233
            RU | +380 67 111 22 33        | +380671112233
            UA | 0671112233               | +380671112233
            UA | 067 111-22-33            | +380671112233
            UA | 380671112233             | +380671112233
            UA | 671112233                | +380671112233
            UA | +7 916 123-45-67         | +79161234567
            UA | 79161234567              | +79161234567
            RU | +44 20 7946 0958         | +442079460958
            UA | +44 20 7946 0958         | +442079460958
            KZ | +44 20 7946 0958         | +442079460958
            GB | +44 20 7946 0958         | +442079460958
            GB | 020 7946 0958            | +442079460958
            GB | 442079460958             | +442079460958
            RU | 0044 20 7946 0958        | +442079460958
            UA | 0044 20 7946 0958        | +442079460958
            RU | 007 916 123 45 67        | +79161234567
            RU | 8 10 44 20 7946 0958     | +442079460958
            RU | 8 940 123 45 67          | +79401234567
            RU | +7 940 123 45 67         | +79401234567
            KZ | 8 (727) 250-12-34        | +77272501234
            KZ | +7 701 123 45 67         | +77011234567
            KZ | 8 701 123 45 67          | +77011234567
            KZ | 77011234567              | +77011234567
            KZ | 7011234567               | +77011234567
            RU | 8 701 123 45 67          | +77011234567
            KZ | 8 916 123 45 67          | +79161234567
            RU | +375 29 123-45-67        | +375291234567
            RU | 0049 30 1234567          | +49301234567
            DE | 030 12345678             | +493012345678
            DE | +7 916 123 45 67         | +79161234567
            """)
    void normalisesToE164InTheDefaultRegion(String region, String raw, String e164) {
        PhoneNormalizer phones = PhoneNormalizer.forRegion(region);

        assertEquals(e164, phones.parse(raw).e164());
        assertEquals(Optional.of(new PhoneNumber(e164)), phones.normalize(raw));
    }

    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            RU | NULL                     | EMPTY
            RU | ''                       | EMPTY
            RU | '   '                    | EMPTY
            RU | '- ( ) -'                | EMPTY
            RU | +                        | TOO_SHORT
            RU | +7 916 123-45-6          | WRONG_LENGTH_FOR_COUNTRY
            RU | +7 999 000               | WRONG_LENGTH_FOR_COUNTRY
            UA | +7 916 123-45-6          | TOO_SHORT
            RU | +7 916 123-45-678        | WRONG_LENGTH_FOR_COUNTRY
            RU | 12345                    | TOO_SHORT
            RU | 916123456                | TOO_SHORT
            RU | 8916123456789012         | TOO_LONG
            RU | +7 916 ABC-45-67         | ILLEGAL_CHARACTERS
            RU | 8 916 123-45-67 доб. 12  | ILLEGAL_CHARACTERS
            RU | +44 20 7946 0958 ext. 5  | ILLEGAL_CHARACTERS
            RU | +44 20 7946 0958 x5      | ILLEGAL_CHARACTERS
            RU | 8 916 123-45-67 #12      | ILLEGAL_CHARACTERS
            RU | 7+9161234567             | ILLEGAL_CHARACTERS
            RU | +0 916 123 45 67         | UNKNOWN_FORMAT
            RU | 00 0 916 123 45 67       | UNKNOWN_FORMAT
            RU | +1234567                 | TOO_SHORT
            RU | +1234567890123456        | TOO_LONG
            RU | 123456789012345678901    | TOO_LONG
            UA | 06711122                 | TOO_SHORT
            UA | 067111223344             | TOO_LONG
            GB | +44 20 7946 09581234     | WRONG_LENGTH_FOR_COUNTRY
            RU | +44 20 7946 09581234     | TOO_LONG
            RU | +44 20 7946              | TOO_SHORT
            """)
    void refusesWithAReasonThatNeverQuotesTheNumber(String region, String raw, Reason reason) {
        PhoneNormalizer phones = PhoneNormalizer.forRegion(region);

        InvalidPhoneNumberException refused = assertThrows(InvalidPhoneNumberException.class, () -> phones.parse(raw));

        assertEquals(reason, refused.reason(), refused.getMessage());
        assertTrue(phones.normalize(raw).isEmpty());
        if (raw != null && raw.replaceAll("\\D", "").length() > 4) {
            String digits = raw.replaceAll("\\D", "");
            assertFalse(refused.getMessage().replaceAll("\\D", "").contains(digits.substring(digits.length() - 5)),
                    "the message repeats the number: " + refused.getMessage());
        }
    }

    @Test
    void acceptsTheApisNumericPhone() {
        assertEquals("+79161234567", russia.normalize(79161234567L).orElseThrow().e164());
        assertEquals("+70001234567", russia.normalize(70001234567L).orElseThrow().e164());
        assertEquals("+380671112233", russia.normalize(380671112233L).orElseThrow().e164());
        assertEquals("+380671112233", PhoneNormalizer.forRegion("UA").normalize(380671112233L).orElseThrow().e164());
        assertTrue(russia.normalize(0L).isEmpty());
        assertTrue(russia.normalize(-79161234567L).isEmpty());
        assertTrue(russia.normalize(12345L).isEmpty());
    }

    /** Possible, not valid: a range the metadata does not list as allocated is kept (see the class comment). */
    @Test
    void keepsAPossibleNumberThatTheMetadataDoesNotCallValid() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        assertFalse(util.isValidNumber(parsed("+70001234567")), "the example must stay an unallocated range");

        assertEquals("+70001234567", russia.parse("+7 000 123-45-67").e164());
    }

    /**
     * Ten digits in a Russian company: a Moscow landline without its 8, and also a valid German number without the
     * plus (+49 51234567). Both readings are valid; the company's own country wins, in Germany as well.
     */
    @Test
    void digitsValidAtHomeAndAbroadAreReadAtHome() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        assertTrue(util.isValidNumber(parsed("+74951234567")), "valid as a Russian number");
        assertTrue(util.isValidNumber(parsed("+4951234567")), "valid as a German number");

        assertEquals("+74951234567", russia.parse("4951234567").e164());
        assertTrue(util.isValidNumber(parsed("+494951234567")), "valid as a German national number too");
        assertEquals("+494951234567", PhoneNormalizer.forRegion("DE").parse("4951234567").e164());
    }

    /** Both readings possible, only one valid: it wins, even against the default region. */
    @Test
    void theValidReadingWinsWhenOnlyOneIs() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        assertTrue(util.isPossibleNumber(parsed("+73725123456")), "ten digits are possible in Russia");
        assertFalse(util.isValidNumber(parsed("+73725123456")), "+7 372 is no allocated Russian range");
        assertTrue(util.isValidNumber(parsed("+3725123456")), "an Estonian mobile number");

        assertEquals("+3725123456", russia.parse("3725123456").e164());
    }

    @Test
    void acceptsRegionsInAnyCaseAndRefusesUnknownOnes() {
        assertEquals("UA", PhoneNormalizer.forRegion(" ua ").region());
        assertEquals("RU", PhoneNormalizer.russia().region());
        assertTrue(PhoneNormalizer.regions().contains("KZ"));
        for (String bad : new String[] {"", "XX", "RUS", "001", "ZZ", "7"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PhoneNormalizer.forRegion(bad), bad);
            assertTrue(refused.getMessage().contains("ISO 3166-1"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PhoneNormalizer.forRegion(null));
    }

    @Test
    void masksItselfInToString() {
        PhoneNumber phone = russia.parse("+7 999 123-45-67");

        assertEquals("+7********67", phone.masked());
        assertFalse(phone.toString().contains("9991234"), phone.toString());
        assertEquals("79991234567", phone.digits());
    }

    @Test
    void rejectsANonE164Value() {
        assertThrows(InvalidPhoneNumberException.class, () -> new PhoneNumber("79991234567"));
        assertThrows(InvalidPhoneNumberException.class, () -> new PhoneNumber("+0123456789"));
    }

    private static com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed(String e164) {
        try {
            return PhoneNumberUtil.getInstance().parse(e164, "ZZ");
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new AssertionError(e);
        }
    }
}

package io.ycbridge.app.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.app.profile.Profile;
import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.yclients.Brand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BookingLinkFormatTest {
    private static final BookingForm SALON_FORM = BookingForm.parse("n239661.yclients.com");
    private static final BookingForm CHAIN_FORM = BookingForm.parse("https://B77001.YCLIENTS.COM/");
    private static final BookingForm ALTEGIO_FORM = BookingForm.parse("n1180001.alteg.io");
    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");
    private final BookingLinkFormat links = new BookingLinkFormat();

    static Stream<Arguments> links() {
        return Stream.of(
                Arguments.of("start page", SALON_FORM, 235564L, List.of(), null,
                        "https://n239661.yclients.com/company/235564/personal/menu?o="),
                Arguments.of("one service", SALON_FORM, 235564L, List.of(301L), null,
                        "https://n239661.yclients.com/company/235564/menu?o=s301"),
                Arguments.of("two services, a duplicate dropped", SALON_FORM, 235564L, List.of(301L, 304L, 301L), null,
                        "https://n239661.yclients.com/company/235564/menu?o=s301,304"),
                Arguments.of("a master", SALON_FORM, 235564L, List.of(), StaffChoice.of(55),
                        "https://n239661.yclients.com/company/235564/personal/select-master/master-info/235564/55?o=m55"),
                Arguments.of("any master", SALON_FORM, 235564L, List.of(), StaffChoice.ANY,
                        "https://n239661.yclients.com/company/235564/personal/select-time?o=m-1"),
                Arguments.of("service and master", SALON_FORM, 235564L, List.of(301L), StaffChoice.of(55),
                        "https://n239661.yclients.com/company/235564/personal/select-time?o=m55s301"),
                Arguments.of("services and any master", SALON_FORM, 235564L, List.of(302L, 301L), StaffChoice.ANY,
                        "https://n239661.yclients.com/company/235564/personal/select-time?o=m-1s302,301"),
                Arguments.of("a chain's form, one branch", CHAIN_FORM, 240012L, List.of(), null,
                        "https://b77001.yclients.com/company/240012/personal/menu?o="),
                Arguments.of("a chain's form, another branch", CHAIN_FORM, 240013L, List.of(9L), null,
                        "https://b77001.yclients.com/company/240013/menu?o=s9"),
                Arguments.of("Altegio", ALTEGIO_FORM, 1169323L, List.of(601L), StaffChoice.of(501),
                        "https://n1180001.alteg.io/company/1169323/personal/select-time?o=m501s601"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void links(String name, BookingForm form, long company, List<Long> services, StaffChoice staff, String expected) {
        Profile profile = new Profile("u", "Анна", "+79990000000", "anna@example.com", "A-1", AT);

        BookingLink link = links.link(form, company, services, staff, profile);

        assertEquals(expected, link.url());
        assertEquals(company, link.companyId());
    }

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("complete", new Profile("u", "Анна", "+79990000000", "anna@example.com", null, AT),
                        Prefill.CLIENT_BY_PHONE, List.of()),
                Arguments.of("no e-mail", new Profile("u", "Анна", "+79990000000", null, null, AT), Prefill.CLIENT_BY_PHONE, List.of("email")),
                Arguments.of("blank name", new Profile("u", " ", "+79990000000", "", null, AT), Prefill.CLIENT_BY_PHONE,
                        List.of("name", "email")),
                Arguments.of("no phone", new Profile("u", "Анна", null, "anna@example.com", null, AT), Prefill.NONE, List.of("phone")),
                Arguments.of("no profile", null, Prefill.NONE, List.of("name", "phone", "email")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void profiles(String name, Profile profile, String mechanism, List<String> missing) {
        BookingLink link = links.link(SALON_FORM, 235564, List.of(301L), null, profile);

        assertEquals(mechanism, link.prefill().mechanism());
        assertEquals(missing, link.prefill().missing());
        assertEquals("https://n239661.yclients.com/company/235564/menu?o=s301", link.url(), "the profile never changes the link");
    }

    @Test
    void profileTextThatWouldNeedEncodingNeverReachesTheLink() {
        Profile awkward = new Profile("u", "Анна & Co / \"Салон\" ?o=m1#x", "+79990000000", "a+b@example.com", "код 1", AT);

        BookingLink link = links.link(SALON_FORM, 235564, List.of(301L), StaffChoice.of(55), awkward);

        assertEquals("https://n239661.yclients.com/company/235564/personal/select-time?o=m55s301", link.url());
        assertEquals("Анна & Co / \"Салон\" ?o=m1#x", link.prefill().name(), "the app gets the name as given, as JSON");
        assertFalse(link.url().contains("9990000000"), "no phone in a URL: it would land in histories and referrers");
    }

    @Test
    void theQueryEncoderKeepsTheFormsCodesAndEncodesEverythingElse() {
        assertEquals("m-1s301,302", BookingLinkFormat.encode("m-1s301,302"));
        assertEquals("%D0%90%20%26%3D%2B%23%3F%2F", BookingLinkFormat.encode("А &=+#?/"));
    }

    @Test
    void formsAreTheBrandsOwnHostsOnly() {
        assertEquals(Brand.ALTEGIO, ALTEGIO_FORM.brand());
        assertEquals("https://b77001.yclients.com", CHAIN_FORM.origin());
        for (String bad : List.of("n239661.yclients.com.evil.example", "https://evil.example", "n.yclients.com", "http://n1.yclients.com",
                "n239661.yclients.com/company/1", "")) {
            assertThrows(IllegalArgumentException.class, () -> BookingForm.parse(bad), bad);
        }
    }

    @Test
    void bookingFormsConfigurationIsCompanyColonHost() {
        BookingForms forms = BookingForms.parse(" 235564:n239661.yclients.com , 1169323:https://n1180001.alteg.io ");

        assertEquals("https://n239661.yclients.com", forms.forCompany(235564).orElseThrow().origin());
        assertEquals(Brand.ALTEGIO, forms.forCompany(1169323).orElseThrow().brand());
        assertFalse(forms.forCompany(1).isPresent());
        for (String bad : List.of("235564", "235564:n1.yclients.com,235564:n2.yclients.com", "0:n1.yclients.com", "x:n1.yclients.com")) {
            assertThrows(RuntimeException.class, () -> BookingForms.parse(bad), bad);
        }
    }

    @Test
    void noFormsIsAConfigurationTheFunctionStartsWith() {
        // The template's default is blank: the function must start (SnapStart runs init at publish) and refuse links.
        for (Config blank : List.of(Config.of(Map.of()), Config.of(Map.of("BOOKING_FORMS", "")), Config.of(Map.of("BOOKING_FORMS", "  ")))) {
            assertFalse(BookingForms.from(blank).forCompany(235564).isPresent());
        }
        ConfigException bad = assertThrows(ConfigException.class,
                () -> BookingForms.from(Config.of(Map.of("BOOKING_FORMS", "235564:evil.example"))));
        assertTrue(bad.getMessage().contains("BOOKING_FORMS"), bad.getMessage());
    }

    @Test
    void badIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> links.link(SALON_FORM, 0, List.of(), null, null));
        assertThrows(IllegalArgumentException.class, () -> links.link(SALON_FORM, 1, List.of(-3L), null, null));
        assertThrows(IllegalArgumentException.class, () -> StaffChoice.of(0));
    }
}

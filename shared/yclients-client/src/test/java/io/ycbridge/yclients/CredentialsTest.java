package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final String PARTNER = "partner-abcdef0123456789";
    private static final String USER = "8078d2cc6eba4853178aac2ea7793299";

    @Test
    void headerCarriesBothTokensInTheApisGrammar() {
        assertEquals("Bearer " + PARTNER + ", User " + USER, new Credentials(PARTNER, USER).authorizationHeader());
    }

    @Test
    void headerCarriesOnlyThePartnerPartWithoutAUserToken() {
        assertEquals("Bearer " + PARTNER, Credentials.partnerOnly(PARTNER).authorizationHeader());
        assertEquals("Bearer " + PARTNER, new Credentials(PARTNER, "  ").authorizationHeader());
    }

    @Test
    void toStringShowsNeitherToken() {
        String text = new Credentials(PARTNER, USER).toString();
        assertFalse(text.contains(PARTNER), text);
        assertFalse(text.contains(USER), text);
        assertFalse(text.contains(USER.substring(0, 8)), text);
        assertTrue(text.contains("(32 chars)"), text);
    }

    @Test
    void surroundingWhitespaceIsTrimmedButInnerSpacesAreRefusedWithTheFix() {
        assertEquals(PARTNER, new Credentials("  " + PARTNER + "\n", null).partnerToken());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Credentials(PARTNER, "8078d2cc 6eba4853"));
        assertTrue(error.getMessage().contains("userToken"), error.getMessage());
        assertTrue(error.getMessage().contains("without spaces"), error.getMessage());
        assertFalse(error.getMessage().contains("8078d2cc"), error.getMessage());
    }

    @Test
    void aPartnerTokenIsRequired() {
        assertThrows(NullPointerException.class, () -> new Credentials(null, USER));
        assertThrows(IllegalArgumentException.class, () -> new Credentials(" ", USER));
    }
}

package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BrandTest {
    @Test
    void bothBrandsAreNamedWithTheirApiBase() {
        assertEquals(URI.create("https://api.yclients.com/api/v1"), Brand.parse("yclients").apiBase());
        assertEquals(URI.create("https://api.alteg.io/api/v1"), Brand.parse(" Altegio ").apiBase());
        assertEquals(URI.create("https://api.alteg.io/api/v1"),
                YClientsClient.builder().brand(Brand.ALTEGIO).credentials(Credentials.partnerOnly("p-token-123")).build().baseUri());
        assertEquals(Brand.YCLIENTS.apiBase(), YClientsClient.builder().credentials(Credentials.partnerOnly("p-token-123")).build().baseUri());
    }

    @Test
    void anUnknownBrandListsTheValidNames() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Brand.parse("youclients"));
        assertTrue(error.getMessage().contains("yclients or altegio"));
    }
}

package io.ycbridge.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.yclients.Brand;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YClientsSecretTest {
    static final String PARTNER = "partnerTOKEN0123456789abcdef";
    static final String USER = "userTOKEN0123456789abcdef";
    static final String PASSWORD = "pa55w0rd-s3cret";
    static final String WEBHOOK = "webhookTOKEN0123456789abcdef";

    @Test
    void readsTheFullShape() {
        YClientsSecret secret = YClientsSecret.parseJson("""
                {"partnerToken": "%s", "userToken": "%s", "login": 79161234567, "password": "%s",
                 "brand": "Altegio", "baseUrl": "http://127.0.0.1:8089/api/v1", "companies": [235564, "240012"],
                 "webhookToken": "%s", "somethingNew": true}
                """.formatted(PARTNER, USER, PASSWORD, WEBHOOK), "the secret s");

        assertEquals(PARTNER, secret.partnerToken());
        assertEquals(USER, secret.userToken());
        assertEquals("79161234567", secret.login());
        assertEquals(PASSWORD, secret.password());
        assertEquals(Brand.ALTEGIO, secret.brand());
        assertEquals(URI.create("http://127.0.0.1:8089/api/v1"), secret.apiBaseUrl());
        assertEquals(List.of(235564L, 240012L), secret.companies());
        assertEquals(WEBHOOK, secret.webhookToken());
        assertEquals("Bearer " + PARTNER + ", User " + USER, secret.credentials().authorizationHeader());
    }

    @Test
    void onlyThePartnerTokenIsRequired() {
        YClientsSecret secret = YClientsSecret.parseJson("{\"partnerToken\": \"" + PARTNER + "\"}", "s");

        assertNull(secret.userToken());
        assertFalse(secret.hasLogin());
        assertEquals(Brand.YCLIENTS, secret.brand());
        assertEquals(Brand.YCLIENTS.apiBase(), secret.apiBaseUrl());
        assertEquals(List.of(), secret.companies());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                  | partnerToken=abc                                   | SecretString  | is not JSON (line 1, column
            not an object             | ["x"]                                              | SecretString  | is JSON but not an object
            empty                     | '   '                                              | SecretString  | is empty
            no partner token          | {"userToken": "u123456789"}                        | partnerToken  | has no partnerToken
            near-miss spelling        | {"partner_token": "p123456789"}                    | partnerToken  | found "partner_token"
            blank partner token       | {"partnerToken": "  "}                             | partnerToken  | has no partnerToken
            token with a space        | {"partnerToken": "abc def123"}                     | partnerToken  | contains whitespace
            token not a string        | {"partnerToken": {"v": 1}}                         | partnerToken  | must be a string, found object
            login without password    | {"partnerToken": "p123456789", "login": "anna"}    | password      | has login but no password
            unknown brand             | {"partnerToken": "p123456789", "brand": "booksy"}  | brand         | must be yclients or altegio
            relative base URL         | {"partnerToken": "p123456789", "baseUrl": "api/v1"}| baseUrl       | absolute http(s) URL
            companies as words        | {"partnerToken": "p123456789", "companies": ["x"]} | companies     | element 0 of companies must be a company id
            negative company          | {"partnerToken": "p123456789", "companies": -3}    | companies     | positive company id
            short webhook token       | {"partnerToken": "p123456789", "webhookToken": "abc"} | webhookToken | 16 to 256 characters
            """)
    void aMalformedSecretNamesTheField(String name, String json, String field, String message) {
        SecretFormatException refused = assertThrows(SecretFormatException.class, () -> YClientsSecret.parseJson(json, "the secret s"));

        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
        assertNull(refused.getCause(), "a parser's cause may quote the secret");
    }

    @Test
    void aMalformedSecretIsNeverQuoted() {
        for (String json : List.of("{\"partnerToken\": \"" + PARTNER + "\", \"password\": \"" + PASSWORD + "\"}",
                "{\"partnerToken\": \"" + PARTNER + "\" \"userToken\": \"" + USER + "\"}",
                PARTNER + PASSWORD,
                "{\"partnerToken\": \"" + PARTNER + "\", \"webhookToken\": \"" + PASSWORD + "!\"}")) {
            SecretFormatException refused = assertThrows(SecretFormatException.class, () -> YClientsSecret.parseJson(json, "s"));
            for (String value : List.of(PARTNER, PASSWORD, USER)) {
                assertFalse(refused.getMessage().contains(value), refused.getMessage());
            }
        }
    }

    @Test
    void masksEveryCredentialInToString() {
        YClientsSecret secret = new YClientsSecret(PARTNER, USER, "anna@example.com", PASSWORD, Brand.YCLIENTS, null, List.of(1L), WEBHOOK);

        String text = secret.toString() + secret.credentials();
        for (String value : List.of(PARTNER, USER, PASSWORD, WEBHOOK, "anna@example.com")) {
            assertFalse(text.contains(value), text);
        }
    }

    @Test
    void readsTheSameShapeFromEnvironmentVariables() {
        Config environment = Config.of(Map.of(
                "YCLIENTS_PARTNER_TOKEN", PARTNER, "YCLIENTS_LOGIN", "anna", "YCLIENTS_PASSWORD", PASSWORD,
                "YCLIENTS_BRAND", "altegio", "COMPANY_IDS", "235564,240012", "YCLIENTS_WEBHOOK_TOKEN", WEBHOOK));

        YClientsSecret secret = new EnvironmentSecretSource(environment, null).load();

        assertEquals(new YClientsSecret(PARTNER, null, "anna", PASSWORD, Brand.ALTEGIO, null, List.of(235564L, 240012L), WEBHOOK), secret);
    }

    @Test
    void environmentErrorsNameTheVariable() {
        SecretFormatException missing = assertThrows(SecretFormatException.class,
                () -> new EnvironmentSecretSource(Config.of(Map.of("YCLIENTS_USER_TOKEN", USER)), null).load());
        assertEquals("YCLIENTS_PARTNER_TOKEN", missing.field());
        assertTrue(missing.getMessage().contains("the environment has no YCLIENTS_PARTNER_TOKEN"), missing.getMessage());

        SecretFormatException half = assertThrows(SecretFormatException.class, () -> new EnvironmentSecretSource(
                Config.of(Map.of("YCLIENTS_PARTNER_TOKEN", PARTNER, "YCLIENTS_PASSWORD", PASSWORD)), null).load());
        assertEquals("YCLIENTS_LOGIN", half.field());
        assertFalse(half.getMessage().contains(PASSWORD));
    }
}

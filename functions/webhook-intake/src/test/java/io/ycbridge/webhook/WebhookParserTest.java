package io.ycbridge.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookParserTest {
    private final WebhookParser parser = new WebhookParser();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheEnvelopeWithIdsAsNumbersOrStrings() {
        WebhookEvent event = parser.parse(bytes("""
                {"company_id": "235564", "resource": "record", "resource_id": 9001, "status": "update", "data": {"id": 9001}}"""));
        assertEquals(235564, event.companyId());
        assertEquals(9001, event.resourceId());
        assertTrue(event.isRecord());
        assertFalse(event.isDelete());
        assertEquals(9001, event.data().path("id").asLong());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"company_id\": 1, \"resource\": \"record\", \"resource_id\": 2, \"status\": |body is not valid JSON (at line 1, column 68)",
            "[1, 2, 3]|body is not a JSON object",
            "{\"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}|company_id is missing",
            "{\"company_id\": \"two\", \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}|company_id must be a positive whole number",
            "{\"company_id\": -5, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}|company_id must be a positive whole number",
            "{\"company_id\": 1.5, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}|company_id must be a positive whole number",
            "{\"company_id\": 99999999999999999999999, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}|company_id must be a positive whole number",
            "{\"company_id\": 1, \"resource\": \"record\", \"resource_id\": [2], \"status\": \"create\"}|resource_id must be a positive whole number",
            "{\"company_id\": 1, \"resource\": 7, \"resource_id\": 2, \"status\": \"create\"}|resource must be a non-empty string",
            "{\"company_id\": 1, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"archive\"}|status must be create, update or delete",
            "{\"company_id\": 1, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\", \"data\": \"x\"}|data must be an object",
            "''|empty body"})
    void refusesWithAReasonNamingTheField(String body, String reason) {
        RejectedDeliveryException error = assertThrows(RejectedDeliveryException.class, () -> parser.parse(bytes(body)));
        assertEquals(reason, error.getMessage());
    }

    @Test
    void refusesOversizeBodiesBeforeParsingThem() {
        byte[] huge = new byte[WebhookParser.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) '{');
        assertEquals("body larger than 256 KB", assertThrows(RejectedDeliveryException.class, () -> parser.parse(huge)).getMessage());
    }

    @Test
    void refusesHostileNestingWithoutAStackOverflow() {
        String deep = "{\"company_id\": 1, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\", \"data\": "
                + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}";
        RejectedDeliveryException error = assertThrows(RejectedDeliveryException.class, () -> parser.parse(bytes(deep)));
        assertTrue(error.getMessage().startsWith("body is not valid JSON"), error.getMessage());
    }

    @Test
    void reasonsNeverEchoTheBody() {
        String phone = "+79991234567";
        RejectedDeliveryException error = assertThrows(RejectedDeliveryException.class, () -> parser.parse(bytes(
                "{\"company_id\": \"" + phone + "\", \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}")));
        assertFalse(error.getMessage().contains(phone));
    }
}

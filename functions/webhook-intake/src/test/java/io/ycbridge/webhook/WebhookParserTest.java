package io.ycbridge.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookParserTest {
    private final WebhookParser parser = new WebhookParser();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A delivery of one event object: its event, or its refusal thrown as the service sees it. */
    private WebhookEvent single(byte[] body) {
        WebhookParser.Delivery delivery = parser.parseDelivery(body);
        assertFalse(delivery.batch());
        List<WebhookParser.Element> elements = delivery.elements();
        if (elements.getFirst().rejection() != null) {
            throw new RejectedDeliveryException(elements.getFirst().rejection());
        }
        return elements.getFirst().event();
    }

    @Test
    void anArrayOfEventsIsReadElementByElementAndABadElementRefusesOnlyItself() {
        WebhookParser.Delivery delivery = parser.parseDelivery(bytes("""
                [{"company_id": 1, "resource": "record", "resource_id": 2, "status": "create", "data": {"id": 2}},
                 {"company_id": 1, "resource": "record", "status": "update"},
                 7,
                 {"company_id": 1, "resource": "record", "resource_id": 3, "status": "delete"}]"""));

        assertTrue(delivery.batch());
        List<WebhookParser.Element> elements = delivery.elements();
        assertEquals(4, elements.size());
        assertEquals(2, elements.get(0).event().resourceId());
        assertEquals("resource_id is missing", elements.get(1).rejection());
        assertEquals("event is not a JSON object", elements.get(2).rejection());
        assertTrue(elements.get(3).event().isDelete());
    }

    @Test
    void anArrayIsCappedAndAnEmptyOneIsRefused() {
        String event = "{\"company_id\": 1, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}";
        assertEquals(WebhookParser.MAX_EVENTS, parser.parseDelivery(bytes("[" + String.join(",",
                java.util.Collections.nCopies(WebhookParser.MAX_EVENTS, event)) + "]")).elements().size());
        RejectedDeliveryException tooMany = assertThrows(RejectedDeliveryException.class, () -> parser.parseDelivery(bytes("["
                + String.join(",", java.util.Collections.nCopies(WebhookParser.MAX_EVENTS + 1, event)) + "]")));
        assertEquals("body holds 101 events, more than 100 in one delivery", tooMany.getMessage());
        assertEquals("body is an empty array", assertThrows(RejectedDeliveryException.class, () -> parser.parseDelivery(bytes("[]"))).getMessage());
    }

    @Test
    void readsTheEnvelopeWithIdsAsNumbersOrStrings() {
        WebhookEvent event = single(bytes("""
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
            "\"text\"|body is not a JSON object or an array of them",
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
        RejectedDeliveryException error = assertThrows(RejectedDeliveryException.class, () -> single(bytes(body)));
        assertEquals(reason, error.getMessage());
    }

    @Test
    void refusesOversizeBodiesBeforeParsingThem() {
        byte[] huge = new byte[WebhookParser.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) '{');
        assertEquals("body larger than 256 KB", assertThrows(RejectedDeliveryException.class, () -> single(huge)).getMessage());
    }

    @Test
    void refusesHostileNestingWithoutAStackOverflow() {
        String deep = "{\"company_id\": 1, \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\", \"data\": "
                + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}";
        RejectedDeliveryException error = assertThrows(RejectedDeliveryException.class, () -> single(bytes(deep)));
        assertTrue(error.getMessage().startsWith("body is not valid JSON"), error.getMessage());
    }

    @Test
    void reasonsNeverEchoTheBody() {
        String phone = "+79991234567";
        RejectedDeliveryException error = assertThrows(RejectedDeliveryException.class, () -> single(bytes(
                "{\"company_id\": \"" + phone + "\", \"resource\": \"record\", \"resource_id\": 2, \"status\": \"create\"}")));
        assertFalse(error.getMessage().contains(phone));
    }
}

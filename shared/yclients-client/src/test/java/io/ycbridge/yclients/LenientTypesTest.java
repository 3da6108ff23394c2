package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.LoyaltyTransaction;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.RecordClient;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.ServiceCategory;
import io.ycbridge.yclients.model.StaffMember;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference writes catalog numbers as strings and empty objects as {@code []}; live answers and other parts of
 * the reference write numbers and {@code {}} or {@code null}. Each form decodes to the same values.
 */
class LenientTypesTest {
    private static final ObjectMapper JSON = ApiJson.mapper();

    @Test
    void catalogNumbersReadTheSameAsNumbersOrAsNumericStrings() throws Exception {
        assertEquals(JSON.readValue("""
                        {"id": 83169, "category_id": 83167, "price_min": 1300.00, "weight": 6, "duration": 3600, "active": 1,
                         "staff": [{"id": 5905, "seance_length": 2700}]}""", Service.class),
                JSON.readValue("""
                        {"id": "83169", "category_id": "83167", "price_min": "1300.00", "weight": "6", "duration": "3600", "active": "1",
                         "staff": [{"id": "5905", "seance_length": "2700"}]}""", Service.class));
        assertEquals(new ServiceCategory(345, "c", 10), JSON.readValue("{\"id\": \"345\", \"title\": \"c\", \"weight\": \"10\"}", ServiceCategory.class));
        StaffMember fromStrings = JSON.readValue("""
                {"id": "13616", "rating": "4.76921", "fired": "0", "hidden": "0", "position": [], "image_group": []}""", StaffMember.class);
        StaffMember fromNumbers = JSON.readValue("""
                {"id": 13616, "rating": 4.76921, "fired": 0, "hidden": 0, "position": {"id": 1, "title": "x"}, "image_group": {}}""",
                StaffMember.class);
        assertEquals(fromNumbers, fromStrings);
        assertEquals(0, new BigDecimal("4.76921").compareTo(fromStrings.rating()));
        assertEquals(1050, JSON.readValue("{\"id\": \"1050\"}", Company.class).id());
    }

    @Test
    void aPhoneIsTextWhetherItCameAsANumberOrAString() throws Exception {
        assertEquals("70001234567", JSON.readValue("{\"phone\": 70001234567}", RecordClient.class).phone());
        assertEquals("+70001234567", JSON.readValue("{\"phone\": \"+70001234567\"}", RecordClient.class).phone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "{}", "[ ]", "{ }"})
    void anEmptyClientIsNoClient(String client) throws Exception {
        // "Данные клиента (может быть пустой объект)": a walk-in, not a client whose id and phone were cut off.
        assertNull(JSON.readValue("{\"id\": 1, \"client\": " + client + "}", Record.class).client());
    }

    @Test
    void anEmptyArrayForAnObjectIsAbsentButAFullOneIsStillAnError() throws Exception {
        assertNull(JSON.readValue("{\"id\": 1, \"client\": []}", Record.class).client());
        assertThrows(JsonMappingException.class, () -> JSON.readValue("{\"id\": 1, \"client\": [1]}", Record.class));
        assertThrows(JsonMappingException.class, () -> JSON.readValue("{\"id\": 1, \"client\": {\"id\": \"abc\"}}", Record.class));
    }

    @Test
    void aLoyaltyTransactionReadsTheSameFromStringsAndFlagsAndEitherOffset() throws Exception {
        LoyaltyTransaction fromNumbers = JSON.readValue("""
                {"id": 22990001, "status_id": 1, "amount": -50.5, "type_id": 5, "card_id": 9250001, "salon_group_id": 145071,
                 "visit_id": 0, "item_record_id": 0, "is_discount": false, "is_loyalty_withdraw": false, "title": "ycb:1",
                 "created_date": "2026-12-01T10:00:00+03:00", "type": {"id": 5, "title": "Ручная транзакция"}}""", LoyaltyTransaction.class);
        LoyaltyTransaction fromStrings = JSON.readValue("""
                {"id": "22990001", "status_id": "1", "amount": "-50.5", "type_id": "5", "card_id": "9250001", "salon_group_id": "145071",
                 "visit_id": "0", "item_record_id": "0", "is_discount": 0, "is_loyalty_withdraw": "0", "title": "ycb:1",
                 "created_date": "2026-12-01T10:00:00+0300", "type": {"id": "5", "title": "Ручная транзакция"}}""", LoyaltyTransaction.class);
        assertEquals(fromNumbers, fromStrings);
        assertEquals(new LoyaltyTransaction(22990001, 1, new BigDecimal("-50.5"), 5, 9250001, 145071, null, null, false, false, "ycb:1",
                Instant.parse("2026-12-01T07:00:00Z"), "Ручная транзакция"), fromNumbers);
        // Company-local without an offset is not this feed's form: no zone is known here to place it.
        assertNull(JSON.readValue("{\"id\": 1, \"created_date\": \"2026-12-01 10:00:00\", \"type\": []}", LoyaltyTransaction.class).createdAt());
        assertEquals(Boolean.TRUE, JSON.readValue("{\"id\": 1, \"is_loyalty_withdraw\": 1, \"visit_id\": 7}", LoyaltyTransaction.class)
                .loyaltyWithdraw());
    }
}

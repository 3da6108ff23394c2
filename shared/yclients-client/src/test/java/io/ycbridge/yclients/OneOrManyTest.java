package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.model.LoyaltyCard;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A phone's loyalty cards come as a list or, in the reference's example, as the one card: both read, and "none" in each form. */
class OneOrManyTest {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final String CARD = "{\"id\": \"9210520\", \"balance\": \"100.50\", \"number\": \"0014507109210520\", \"type_id\": 10992,"
            + " \"salon_group_id\": 145071}";
    private static final LoyaltyCard READ = new LoyaltyCard(9210520, new BigDecimal("100.50"), "0014507109210520", 10992, 145071);

    private static List<LoyaltyCard> read(String data) throws Exception {
        return OneOrMany.read(JSON.readTree(data), LoyaltyCard.class, JSON);
    }

    @Test
    void oneObjectIsAListOfOneAndAnArrayIsTheList() throws Exception {
        assertEquals(List.of(READ), read(CARD));
        assertEquals(List.of(READ, READ), read("[" + CARD + ", " + CARD + "]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "null", "[[]]", "[null]"})
    void anEmptyAnswerIsNoCards(String data) throws Exception {
        assertEquals(List.of(), read(data));
    }

    @Test
    void aCardThatDoesNotDecodeIsAnErrorNotNoCards() {
        assertThrows(JsonMappingException.class, () -> read("{\"id\": \"x\"}"));
        assertThrows(JsonMappingException.class, () -> read("[" + CARD + ", 7]"));
    }
}

package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a booking refusal's code may stand: the reference says one comes, its example shows none, so every place is
 * read, and a status of 431-438 counts as the code too. A 403 carrying 434 (blacklisted phone) is a refusal of the
 * data, not of the token's rights.
 */
class BookingRefusalTest {
    private static final ApiRequest BOOKING = ApiRequest.post("/book_record/1", null).partnerTokenOnly();

    private static JsonNode json(String text) throws Exception {
        return ApiJson.mapper().readTree(text);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "422 | {\"success\":false,\"data\":null,\"meta\":{\"message\":\"m\"},\"errors\":{\"code\":433,\"id\":2}} | 433 | 2",
            "422 | {\"success\":false,\"data\":null,\"meta\":{\"message\":\"m\",\"code\":\"432\"}}          | 432 |",
            "422 | {\"errors\":[{\"code\":437,\"message\":\"m\",\"id\":\"1\"}]}                               | 437 | 1",
            "422 | {\"success\":false,\"code\":438,\"meta\":{\"message\":\"m\"}}                              | 438 |",
            "433 | {\"success\":false,\"data\":null,\"meta\":{\"message\":\"m\"}}                             | 433 |",
            "403 | {\"success\":false,\"data\":null,\"meta\":{\"message\":\"m\"},\"errors\":{\"code\":434}}   | 434 |",
            "422 | {\"success\":false,\"data\":null,\"meta\":{\"message\":\"m\"}}                             | 0   |"})
    void theCodeIsReadWhereverItStands(int status, String body, int code, Long appointmentId) throws Exception {
        ValidationException refusal = assertInstanceOf(ValidationException.class,
                ApiErrors.from(status, json(body), BOOKING, false, null));
        assertEquals(code, refusal.errorCode());
        assertEquals(BookingError.ofCode(code), refusal.bookingError());
        assertEquals(Optional.ofNullable(appointmentId), refusal.appointmentId());
    }

    /** The API's plain 400 ("invalid parameter") and every 422 refuse the request; a 5xx, a 429 or a 401 do not. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"400, true", "422, true", "433, true", "503, false", "500, false", "429, false", "401, false"})
    void aRefusalOfTheRequestIsToldFromAnOutage(int status, boolean refuses) throws Exception {
        YClientsException failure = ApiErrors.from(status, json("{\"success\":false,\"data\":null,\"meta\":{\"message\":\"m\"}}"),
                BOOKING, false, null);
        assertEquals(refuses, failure.refusesTheRequest(), failure.getClass().getSimpleName());
    }
}

package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static List<Long> page(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void aFullLastPageCostsOneEmptyRequestToBeSure() {
        List<Integer> asked = new ArrayList<>();
        Pages<Long> pages = new Pages<>(n -> {
            asked.add(n);
            return n <= 2 ? page((n - 1) * 3L, n * 3L) : List.of();
        }, 3, Long::longValue, "/records/1");
        assertEquals(page(0, 6), pages.toList());
        assertEquals(List.of(1, 2, 3), asked);
    }

    @Test
    void aServerThatIgnoresThePageParameterIsReportedNotLoopedOn() {
        Pages<Long> pages = new Pages<>(n -> page(0, 3), 3, Long::longValue, "/records/1");
        YClientsException error = assertThrows(YClientsException.class, pages::toList);
        assertTrue(error.getMessage().contains("ignored the page parameter"), error.getMessage());
    }

    @Test
    void itemsAreFetchedOnlyAsFarAsTheyAreConsumed() {
        List<Integer> asked = new ArrayList<>();
        Pages<Long> pages = new Pages<>(n -> {
            asked.add(n);
            return page((n - 1) * 3L, n * 3L);
        }, 3, Long::longValue, "/records/1");
        assertEquals(4, pages.items().limit(4).count());
        assertEquals(List.of(1, 2), asked);
    }
}

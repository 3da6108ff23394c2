package io.ycbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LeaseSizePolicyTest {

    @ParameterizedTest(name = "largest {0}: after {1} slots with {2} unused, lease {3}")
    @CsvSource({
            // largest, last, expired, next
            "8, 1, 0, 2",
            "8, 2, 0, 4",
            "8, 4, 0, 8",
            "8, 8, 0, 8",
            "8, 8, 1, 4",
            "8, 8, 7, 4",
            "8, 4, 2, 2",
            "8, 1, 1, 1",
            "1, 1, 0, 1",
            "1, 1, 1, 1",
    })
    void growsWhileUsedShrinksWhenSlotsGoByUnused(int largest, int last, int expired, int next) {
        assertEquals(next, new LeaseSizePolicy(largest).next(last, expired));
    }

    @Test
    void everyWorkerStartsWithOneSlotAndALeaseHoldsOneAtLeast() {
        assertEquals(1, LeaseSizePolicy.BATCHES.first());
        assertThrows(IllegalArgumentException.class, () -> new LeaseSizePolicy(0));
    }
}

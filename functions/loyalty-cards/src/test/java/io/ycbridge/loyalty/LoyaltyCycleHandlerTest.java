package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.simulator.Fault;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cycle through its real trigger, a schedule tick (the event file): waiting entries go out, spends come back. */
@ExtendWith(LocalDynamoDbExtension.class)
class LoyaltyCycleHandlerTest {
    private final LocalDynamoDb local;
    private CardWorld world;

    LoyaltyCycleHandlerTest(LocalDynamoDb local) {
        this.local = local;
    }

    @BeforeEach
    void world() {
        world = new CardWorld(local);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aTickPostsWhatWaitedReadsTheCounterBackAndReconciles() throws Exception {
        world.accrue(world.paidVisit("1500.00"));
        world.settle();
        world.simulator.faults().on("/company/" + CardWorld.SALON + "/loyalty/cards/").next(Fault.serverError());
        world.accrue(world.paidVisit("1000.00"));
        world.settle();
        assertEquals(new BigDecimal("75.00"), world.card().balance().setScale(2), "the second entry waits");
        world.loyalty().manualBySalon(world.card().id(), new BigDecimal("-30"), "spent at the desk");
        world.simulator.clock().advance(Duration.ofMinutes(1));

        JsonNode summary = world.tick();

        assertEquals(1, summary.path("feeds").size(), summary.toString());
        assertEquals(1, summary.path("feeds").get(0).path("entered").asInt(), summary.toString());
        assertEquals(1, summary.path("drains").path("DONE").asInt(), summary.toString());
        assertEquals(1, summary.path("reconciliations").path("MATCHED").asInt(), summary.toString());
        assertEquals(new BigDecimal("95.00"), world.appBalance());
        assertEquals(world.appBalance(), world.card().balance().setScale(2));
        assertEquals(2, world.ourTitles().size());
    }

    @Test
    void aTickWithCardsOffReadsNothing() throws Exception {
        CardWorld off = new CardWorld(local, new LoyaltySettings(java.util.Map.of()));
        try {
            off.simulator.clearRequests();
            JsonNode summary = off.tick();
            assertTrue(summary.path("feeds").isEmpty(), summary.toString());
            assertEquals(0, off.simulator.requestCount());
        } finally {
            off.close();
        }
    }
}

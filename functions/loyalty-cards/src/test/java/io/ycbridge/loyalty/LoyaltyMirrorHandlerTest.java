package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The mirror through its real trigger: BonusLedgerTable stream batches as Lambda delivers them (the event files). */
@ExtendWith(LocalDynamoDbExtension.class)
class LoyaltyMirrorHandlerTest {
    private final LocalDynamoDb local;
    private CardWorld world;

    LoyaltyMirrorHandlerTest(LocalDynamoDb local) {
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
    void anAccruedEntryGoesOnTheUsersCard() {
        BatchItemFailures failures = world.handler().handle(event("entry-accrued"), null);

        assertTrue(failures.itemIdentifiers().isEmpty());
        assertEquals(new BigDecimal("75.00"), world.card().balance().setScale(2));
        assertEquals(1, world.ourTitles().size());
    }

    @Test
    void theSameBatchDeliveredTwicePostsOnce() {
        world.handler().handle(event("entry-accrued"), null);
        world.handler().handle(event("entry-accrued"), null);

        assertEquals(1, world.ourTitles().size());
    }

    @Test
    void anOperatorsCorrectionIsMirroredLikeAnyOtherEntry() {
        world.handler().handle(event("entry-adjusted-by-operator"), null);

        assertEquals(new BigDecimal("10.00"), world.card().balance().setScale(2));
    }

    @Test
    void whatCameFromTheCardPendingOwnersBalancesAndCompaniesWithoutCardsMakeNoRequest() {
        world.simulator.clearRequests();
        for (String file : new String[] {"entry-from-card", "entry-of-pending-owner", "balance-updated", "entry-of-company-without-cards"}) {
            assertTrue(world.handler().handle(event(file), null).itemIdentifiers().isEmpty(), file);
        }

        assertEquals(0, world.simulator.requestCount());
        assertTrue(world.cards.links(CardWorld.USER).isEmpty());
    }

    @Test
    void anEntryThatDoesNotDecodeIsReportedAndTheRestOfTheBatchStillGoesOut() {
        BatchItemFailures failures = world.handler().handle(event("batch-with-malformed-entry"), null);

        assertEquals(1, failures.itemIdentifiers().size());
        assertEquals(new BigDecimal("20.00"), world.card().balance().setScale(2));
        assertTrue(world.logs.lines().stream().anyMatch(line -> line.contains("QUEUE_FAILED")));
    }

    private static java.util.List<io.ycbridge.edge.StreamChange> event(String name) {
        return Invocations.stream("../../events/loyalty-mirror/" + name + ".json");
    }
}

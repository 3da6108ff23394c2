package io.ycbridge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bonus events through their real trigger: BonusLedgerTable stream batches. The ledger stream's event files live
 * with the loyalty mirror, its first consumer; the same batches are read here rather than copied.
 */
class BonusEventsHandlerTest {
    private final RecordingBus bus = new RecordingBus();
    private final LogSink.Captured logs = new LogSink.Captured();
    private final BonusEventsHandler handler = new BonusEventsHandler(new StreamEventPublisher(
            new BonusEvents(ZoneId.of("Europe/Moscow"))::of, bus, new DecisionLog("bonus-events", logs, Clock.systemUTC()),
            new EmfMetrics("bonus-events", logs, Clock.systemUTC())));

    @Test
    void anAccrualIsAccruedUnderTheEntrysOwnId() {
        handler.handle(VisitEventsHandlerTest.batch("loyalty-mirror/entry-accrued"), null);

        DomainEvent accrued = bus.published.getFirst();
        assertEquals(EventType.BONUS_ACCRUED, accrued.type());
        assertEquals("bonus-235564-900001-accrual-1765177200000", accrued.id());
        assertEquals("user-sub-1", accrued.userId());
        assertEquals("75.00", accrued.bonus().amount().toPlainString());
        assertEquals("visit", accrued.bonus().source());
        assertEquals("75.00", accrued.detail().path("bonus").path("amount").asText());
    }

    @Test
    void aSpendAtTheCounterIsRedeemedAsAPositiveAmountAndAnOperatorsCorrectionSaysWhy() {
        handler.handle(VisitEventsHandlerTest.batch("loyalty-mirror/entry-from-card"), null);
        handler.handle(VisitEventsHandlerTest.batch("loyalty-mirror/entry-adjusted-by-operator"), null);

        assertEquals(List.of(EventType.BONUS_REDEEMED, EventType.BONUS_ACCRUED), bus.types());
        assertEquals("40.00", bus.published.get(0).bonus().amount().toPlainString());
        assertEquals("card", bus.published.get(0).bonus().source());
        assertEquals("operator", bus.published.get(1).bonus().source());
        assertTrue(bus.published.get(1).bonus().reason() != null);
    }

    @Test
    void aPendingOwnersEntryAndTheBalanceItemAreNoNews() {
        handler.handle(VisitEventsHandlerTest.batch("loyalty-mirror/entry-of-pending-owner"), null);
        handler.handle(VisitEventsHandlerTest.batch("loyalty-mirror/balance-updated"), null);

        assertEquals(List.of(), bus.types());
    }

    @Test
    void aMalformedEntryIsReportedAndTheRestOfTheBatchStillGoesOut() {
        BatchItemFailures failures = handler.handle(VisitEventsHandlerTest.batch("loyalty-mirror/batch-with-malformed-entry"), null);

        assertEquals(1, failures.itemIdentifiers().size());
        assertEquals(1, bus.published.size());
    }
}

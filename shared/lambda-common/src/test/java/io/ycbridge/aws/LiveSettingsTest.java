package io.ycbridge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.LogSink;
import io.ycbridge.simulator.MovableClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The deploy's settings read at run time: what a changed parameter does to a running environment, and when. */
class LiveSettingsTest {
    private static final Duration TTL = Duration.ofSeconds(60);
    private final MovableClock clock = new MovableClock();
    private final AtomicReference<String> document = new AtomicReference<>("COMPANY_IDS=1\nBONUS_PERCENT=5\n");
    private final AtomicInteger reads = new AtomicInteger();
    private final LogSink.Captured log = new LogSink.Captured();
    private final Config environment = Config.of(Map.of("RECORDS_TABLE", "records", "BONUS_PERCENT", "1"));

    private LiveSettings settings() {
        return new LiveSettings(environment, () -> {
            reads.incrementAndGet();
            String text = document.get();
            if (text == null) {
                throw new UncheckedIOException(new java.io.IOException("SSM did not answer parameter /s (HTTP 400, ThrottlingException)"));
            }
            return text;
        }, TTL, clock, log);
    }

    @Test
    void theDocumentLiesOverTheEnvironment() {
        Config config = settings().current();

        assertEquals("records", config.require(EnvVar.RECORDS_TABLE), "resource names stay the environment's");
        assertEquals("5", config.require(EnvVar.BONUS_PERCENT), "a setting in the document wins");
        assertEquals(List.of(1L), config.requireIds(EnvVar.COMPANY_IDS));
    }

    @Test
    void aChangeReachesTheEnvironmentOnceTheTtlHasPassedAndNotBefore() {
        LiveSettings settings = settings();
        Supplier<String> percent = settings.bind(config -> config.require(EnvVar.BONUS_PERCENT));
        document.set("COMPANY_IDS=1\nBONUS_PERCENT=7\n");

        clock.advance(TTL.minusSeconds(1));
        assertEquals("5", percent.get(), "within the TTL the settings in use stay");
        assertEquals(1, reads.get(), "and the parameter is not read again");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("7", percent.get());
        assertEquals(2, reads.get());
        assertTrue(log.all().contains("\"settings-changed\"") && log.all().contains("BONUS_PERCENT"), log.all());
        assertFalse(log.all().contains("COMPANY_IDS"), "only the names that changed: " + log.all());
    }

    @Test
    void theWiringIsRebuiltOnlyWhenTheTextChanges() {
        LiveSettings settings = settings();
        AtomicInteger builds = new AtomicInteger();
        Supplier<Integer> wiring = settings.bind(config -> builds.incrementAndGet());
        Config first = settings.current();

        clock.advance(TTL.multipliedBy(3));
        wiring.get();

        assertEquals(1, builds.get(), "the same text read again builds nothing");
        assertSame(first, settings.current());
    }

    @Test
    void aFailedReadKeepsTheSettingsInUseAndSaysSoWithoutTheValues() {
        LiveSettings settings = settings();
        Supplier<String> percent = settings.bind(config -> config.require(EnvVar.BONUS_PERCENT));
        document.set(null);

        clock.advance(TTL);
        assertEquals("5", percent.get());
        assertTrue(log.all().contains("settings-unreadable") && log.all().contains("ThrottlingException"), log.all());

        document.set("COMPANY_IDS=1\nBONUS_PERCENT=6\n");
        clock.advance(TTL);
        assertEquals("6", percent.get(), "the next read after the TTL adopts the change");
    }

    @Test
    void aSettingTheCodeRefusesKeepsTheLastGoodWiringAndNamesTheVariable() {
        LiveSettings settings = settings();
        Supplier<List<Long>> companies = settings.bind(config -> config.requireIds(EnvVar.COMPANY_IDS));
        document.set("COMPANY_IDS=one,two\n");

        clock.advance(TTL);
        assertEquals(List.of(1L), companies.get());
        assertTrue(log.all().contains("settings-rejected") && log.all().contains("COMPANY_IDS"), log.all());
        assertFalse(log.all().contains("one,two"), "a refused value is not quoted: " + log.all());
    }

    @Test
    void theFirstReadFailingFailsTheInitNoSettingsNoFunction() {
        document.set(null);

        assertThrows(UncheckedIOException.class, this::settings);
    }

    @Test
    void withoutASettingsParameterTheEnvironmentIsTheSettings() {
        LiveSettings fixed = LiveSettings.from(environment, clock);

        assertEquals("1", fixed.current().require(EnvVar.BONUS_PERCENT));
        clock.advance(Duration.ofDays(1));
        assertSame(fixed.current(), fixed.current());
    }
}

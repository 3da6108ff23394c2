package io.ycbridge.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRegionsTest {
    private static final long KYIV = 1169323;
    private static final long MOSCOW = 235564;
    private final LogSink.Captured logs = new LogSink.Captured();
    private final DecisionLog log = new DecisionLog("test", logs, java.time.Clock.systemUTC());

    @Test
    void russiaWhenNothingIsSet() {
        PhoneRegions regions = PhoneRegions.fromConfig(Config.of(Map.of()));

        assertEquals("RU", regions.fallback().region());
        assertEquals("RU", regions.forCompany(KYIV).region());
        assertEquals("RU", PhoneNormalizer.fromConfig(Config.of(Map.of("PHONE_DEFAULT_REGION", " "))).region(), "blank counts as unset");
    }

    @Test
    void theDeploymentsDefaultAndEachCompanysSetting() {
        PhoneRegions regions = PhoneRegions.fromConfig(Config.of(Map.of("PHONE_DEFAULT_REGION", "kz",
                "COMPANY_PHONE_REGIONS", "1169323:UA, 240012:gb")));

        assertEquals("KZ", regions.fallback().region());
        assertEquals("UA", regions.forCompany(KYIV).region());
        assertEquals("GB", regions.forCompany(240012).region());
        assertEquals("KZ", regions.forCompany(MOSCOW).region());
        assertEquals("+380671112233", regions.forCompany(KYIV).parse("067 111 22 33").e164());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Russia", "RUS", "XX", "7", "ZZ", "001"})
    void aRegionWithoutPhoneMetadataIsRefusedNamingTheVariable(String value) {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> PhoneRegions.fromConfig(Config.of(Map.of("PHONE_DEFAULT_REGION", value))));

        assertEquals("PHONE_DEFAULT_REGION", refused.variable());
        assertTrue(refused.getMessage().contains("PHONE_DEFAULT_REGION") && refused.getMessage().contains("ISO 3166-1"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1169323", "1169323:", "1169323:Ukraine", ":UA", "x:UA", "0:UA", "1169323:UA,1169323:RU", ","})
    void aMalformedCompanyListIsRefusedNamingTheVariable(String value) {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> PhoneRegions.fromConfig(Config.of(Map.of("COMPANY_PHONE_REGIONS", value))));

        assertEquals("COMPANY_PHONE_REGIONS", refused.variable());
        assertTrue(refused.getMessage().contains("company:region"), refused.getMessage());
    }

    @Test
    void theCompanysOwnDataIsAskedOnceAndKept() {
        AtomicInteger asked = new AtomicInteger();
        PhoneRegions regions = PhoneRegions.everywhere(PhoneNormalizer.russia()).withCompanyData(company -> {
            asked.incrementAndGet();
            return company == KYIV ? Optional.of("UA") : Optional.empty();
        }, new MovableClock(Instant.parse("2026-11-20T10:00:00Z")), log);

        for (int delivery = 0; delivery < 5; delivery++) {
            assertEquals("UA", regions.forCompany(KYIV).region());
        }
        assertEquals(1, asked.get(), "once per company per execution environment");
        assertEquals(1, logs.lines().size(), "one decision line per ask: " + logs.all());
        assertTrue(logs.all().contains("\"company-data\"") && logs.all().contains("\"UA\""), logs.all());
    }

    @Test
    void theOperatorsSettingWinsOverTheCompanysData() {
        AtomicInteger asked = new AtomicInteger();
        PhoneRegions regions = PhoneRegions.fromConfig(Config.of(Map.of("COMPANY_PHONE_REGIONS", "1169323:PL")))
                .withCompanyData(company -> {
                    asked.incrementAndGet();
                    return Optional.of("UA");
                }, new MovableClock(Instant.parse("2026-11-20T10:00:00Z")), log);

        assertEquals("PL", regions.forCompany(KYIV).region());
        assertEquals(0, asked.get(), "a configured company needs no read");
        assertEquals("UA", regions.forCompany(MOSCOW).region(), "the others still follow their data");
    }

    @Test
    void noAnswerOrAFailedReadMeansTheDefaultUntilTheNextCheck() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T10:00:00Z"));
        AtomicInteger asked = new AtomicInteger();
        Optional<String>[] answer = new Optional[] {Optional.empty()};
        PhoneRegions regions = PhoneRegions.everywhere(PhoneNormalizer.russia()).withCompanyData(company -> {
            if (asked.incrementAndGet() == 2) {
                throw new IllegalStateException("table unreadable");
            }
            return answer[0];
        }, clock, log);

        assertEquals("RU", regions.forCompany(KYIV).region(), "nothing learned yet");
        clock.advance(PhoneRegions.RECHECK.minusSeconds(1));
        assertEquals("RU", regions.forCompany(KYIV).region());
        assertEquals(1, asked.get(), "not asked again before the check interval");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("RU", regions.forCompany(KYIV).region(), "a failed read stores nothing and breaks nothing");
        assertEquals(2, asked.get());
        assertTrue(logs.all().contains("\"phone-region-unreadable\"") && logs.all().contains("IllegalStateException"), logs.all());

        answer[0] = Optional.of("UA");
        clock.advance(PhoneRegions.RECHECK);
        assertEquals("UA", regions.forCompany(KYIV).region(), "the sync has learned the country since");
        clock.advance(Duration.ofDays(30));
        assertEquals("UA", regions.forCompany(KYIV).region());
        assertEquals(3, asked.get(), "a known region is kept");
    }

    @Test
    void theNoRegionMarkAndUnknownCodesCountAsNone() {
        PhoneRegions regions = PhoneRegions.everywhere(PhoneNormalizer.forRegion("UA"))
                .withCompanyData(company -> Optional.of(company == KYIV ? "ZZ" : "Narnia"), new MovableClock(Instant.EPOCH), log);

        assertEquals("UA", regions.forCompany(KYIV).region());
        assertEquals("UA", regions.forCompany(MOSCOW).region());
    }
}

package io.ycbridge.phone;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.DecisionLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Which region's rules read a company's phone numbers written without a country code: the operator's word for
 * that company ({@code COMPANY_PHONE_REGIONS}), else the country in the company's own data (learned by the sync from
 * {@code GET /company/{id}} and kept in SyncStateTable), else the deployment's {@code PHONE_DEFAULT_REGION}.
 *
 * <p>Webhook intake and the sync resolve a company the same way, so both store the same E.164 for the same record.
 * The company's data is asked once per company per execution environment: an answer is kept for the environment's
 * life (a salon does not move country), no answer or a failed read is asked again after {@link #RECHECK}, so an
 * environment started before the company's first sync catches up and an unreadable table costs one read per company
 * per interval, not one per delivery.
 */
public final class PhoneRegions {
    /** How long "the company's data names no region" (or could not be read) is believed before asking again. */
    public static final Duration RECHECK = Duration.ofMinutes(10);
    private static final DecisionLog QUIET = new DecisionLog("phone-regions", line -> { }, Clock.systemUTC());

    private final PhoneNormalizer fallback;
    private final Map<Long, PhoneNormalizer> configured;
    private final LongFunction<Optional<String>> companyData;
    private final Clock clock;
    private final DecisionLog log;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();

    /**
     * @param fallback    the deployment's default region
     * @param configured  per-company regions that win over the company's data
     * @param companyData the region the company's data names, if any; may throw (a failed read counts as none)
     * @param log         one line each time a company's data is asked: the region used, or why the default
     */
    public PhoneRegions(PhoneNormalizer fallback, Map<Long, PhoneNormalizer> configured, LongFunction<Optional<String>> companyData,
                        Clock clock, DecisionLog log) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.configured = Map.copyOf(configured);
        this.companyData = Objects.requireNonNull(companyData, "companyData");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** One region for every company: tests, and tools that serve one country. */
    public static PhoneRegions everywhere(PhoneNormalizer phones) {
        return new PhoneRegions(phones, Map.of(), companyId -> Optional.empty(), Clock.systemUTC(), QUIET);
    }

    /** {@code PHONE_DEFAULT_REGION} (RU when unset) and {@code COMPANY_PHONE_REGIONS}, without the companies' data. */
    public static PhoneRegions fromConfig(Config config) {
        return new PhoneRegions(PhoneNormalizer.fromConfig(config), config.perCompany(EnvVar.COMPANY_PHONE_REGIONS,
                "company:region pairs separated by commas, each region an ISO 3166-1 alpha-2 code, e.g. 235564:RU,1169323:UA",
                PhoneNormalizer::forRegion), companyId -> Optional.empty(), Clock.systemUTC(), QUIET);
    }

    /** The same settings, with the companies' own data asked where no setting names the company. */
    public PhoneRegions withCompanyData(LongFunction<Optional<String>> source, Clock clock, DecisionLog log) {
        return new PhoneRegions(fallback, configured, source, clock, log);
    }

    /** The deployment's default. */
    public PhoneNormalizer fallback() {
        return fallback;
    }

    public PhoneNormalizer forCompany(long companyId) {
        PhoneNormalizer set = configured.get(companyId);
        if (set != null) {
            return set;
        }
        Instant now = clock.instant();
        Known entry = known.get(companyId);
        if (entry == null || entry.staleAt(now)) {
            entry = ask(companyId, now);
            known.put(companyId, entry);
        }
        return entry.phones() == null ? fallback : entry.phones();
    }

    private Known ask(long companyId, Instant now) {
        Optional<String> region;
        try {
            region = companyData.apply(companyId).flatMap(PhoneNormalizer::region);
        } catch (RuntimeException unreadable) {
            // The default until the next check; storing the record matters more than its region.
            log.warn("phone-region-unreadable", Map.of("company", companyId, "region", fallback.region(),
                    "error", unreadable.getClass().getSimpleName()));
            return new Known(null, now);
        }
        log.info("phone-region", Map.of("company", companyId, "region", region.orElse(fallback.region()),
                "from", region.isPresent() ? "company-data" : "default"));
        return new Known(region.map(PhoneNormalizer::forRegion).orElse(null), now);
    }

    /** A company's region as last asked; {@code phones} null: none known, ask again after {@link #RECHECK}. */
    private record Known(PhoneNormalizer phones, Instant askedAt) {
        boolean staleAt(Instant now) {
            return phones == null && !now.isBefore(askedAt.plus(RECHECK));
        }
    }
}

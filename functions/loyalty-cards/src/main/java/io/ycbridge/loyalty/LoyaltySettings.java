package io.ycbridge.loyalty;

import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LOYALTY_CARDS: which companies mirror their bonus to cards, of which chain and card type. Off unless set: a salon
 * switches it on once its card type exists and the user token may make manual transactions ({@code ops doctor} checks).
 */
public final class LoyaltySettings {
    private static final String EXPECTED = "company:chain:cardType comma-separated, e.g. 235564:145071:10992";
    private final Map<Long, LoyaltyProgramme> byCompany;

    LoyaltySettings(Map<Long, LoyaltyProgramme> byCompany) {
        this.byCompany = Map.copyOf(byCompany);
    }

    public static LoyaltySettings from(Config config) {
        if (config.optional(EnvVar.LOYALTY_CARDS).orElse("").isBlank()) {
            return new LoyaltySettings(Map.of());
        }
        Map<Long, LoyaltyProgramme> programmes = new LinkedHashMap<>();
        config.perCompany(EnvVar.LOYALTY_CARDS, EXPECTED, LoyaltySettings::chainAndType)
                .forEach((company, ids) -> programmes.put(company, new LoyaltyProgramme(company, ids[0], ids[1])));
        return new LoyaltySettings(programmes);
    }

    /** {@code chain:cardType}, both positive. */
    private static long[] chainAndType(String text) {
        String[] parts = text.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("chain and card type after the company");
        }
        long chain = Long.parseLong(parts[0].strip());
        long type = Long.parseLong(parts[1].strip());
        if (chain <= 0 || type <= 0) {
            throw new IllegalArgumentException("chain and card type ids must be positive");
        }
        return new long[] {chain, type};
    }

    public boolean enabled() {
        return !byCompany.isEmpty();
    }

    public Optional<LoyaltyProgramme> forCompany(long companyId) {
        return Optional.ofNullable(byCompany.get(companyId));
    }

    /** The chains with cards, in the order their first company was named. */
    public Set<Long> chains() {
        Set<Long> chains = new java.util.LinkedHashSet<>();
        byCompany.values().forEach(programme -> chains.add(programme.chainId()));
        return chains;
    }

    /** The chain's companies, in the order named: the first is where its cards are looked up and issued. */
    public List<LoyaltyProgramme> ofChain(long chainId) {
        List<LoyaltyProgramme> programmes = new ArrayList<>();
        byCompany.values().stream().filter(programme -> programme.chainId() == chainId).forEach(programmes::add);
        return programmes;
    }

    public List<LoyaltyProgramme> all() {
        return List.copyOf(byCompany.values());
    }
}

package io.ycbridge.bonus;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.EnvVar;
import io.ycbridge.yclients.ApiJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of every company: defaults from the simple variables ({@code BONUS_PERCENT} ...), and per-company
 * overrides from {@code BONUS_RULES}, a JSON object keyed by company id whose fields replace the defaults'.
 */
public final class CompanyBonusRules {
    private final BonusRules defaults;
    private final Map<Long, BonusRules> overrides;

    public CompanyBonusRules(BonusRules defaults, Map<Long, BonusRules> overrides) {
        this.defaults = defaults;
        this.overrides = Map.copyOf(overrides);
    }

    public static CompanyBonusRules uniform(BonusRules rules) {
        return new CompanyBonusRules(rules, Map.of());
    }

    public BonusRules forCompany(long companyId) {
        return overrides.getOrDefault(companyId, defaults);
    }

    /** Fails at start-up, naming the variable, rather than paying wrong bonuses later. */
    public static CompanyBonusRules from(Config config) {
        BigDecimal percent = config.require(EnvVar.BONUS_PERCENT, "a percentage from 0 to 100 such as 5 or 2.5", BigDecimal::new);
        int scale = config.optional(EnvVar.BONUS_ROUNDING_SCALE, "0 to 4", Integer::valueOf).orElse(0);
        RoundingMode mode = config.optional(EnvVar.BONUS_ROUNDING_MODE, "DOWN, HALF_UP, HALF_EVEN, UP, CEILING or FLOOR",
                text -> RoundingMode.valueOf(text.toUpperCase(Locale.ROOT))).orElse(RoundingMode.DOWN);
        BigDecimal cap = config.optional(EnvVar.BONUS_CAP_PER_VISIT, "an amount such as 1000", BigDecimal::new).orElse(null);
        Set<Long> excluded = config.optional(EnvVar.BONUS_EXCLUDED_SERVICE_IDS, "service ids separated by commas",
                CompanyBonusRules::ids).orElse(Set.of());
        Set<Long> excludedCategories = config.optional(EnvVar.BONUS_EXCLUDED_CATEGORY_IDS, "service category ids separated by commas",
                CompanyBonusRules::ids).orElse(Set.of());
        BonusRules defaults = checked(EnvVar.BONUS_PERCENT, () -> new BonusRules(percent, scale, mode, cap, excluded, excludedCategories));
        Map<Long, BonusRules> overrides = config.optional(EnvVar.BONUS_RULES,
                "a JSON object keyed by company id, e.g. {\"235564\":{\"percent\":3,\"capPerVisit\":500}}",
                text -> overrides(text, defaults)).orElse(Map.of());
        return new CompanyBonusRules(defaults, overrides);
    }

    private static Map<Long, BonusRules> overrides(String json, BonusRules defaults) {
        try {
            JsonNode root = ApiJson.mapper().readTree(json);
            if (!root.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            Map<Long, BonusRules> result = new HashMap<>();
            for (Map.Entry<String, JsonNode> company : root.properties()) {
                JsonNode rule = company.getValue();
                result.put(Long.parseLong(company.getKey()), new BonusRules(
                        rule.has("percent") ? rule.path("percent").decimalValue() : defaults.percent(),
                        rule.has("roundingScale") ? rule.path("roundingScale").asInt() : defaults.scale(),
                        rule.has("roundingMode") ? RoundingMode.valueOf(rule.path("roundingMode").asText().toUpperCase(Locale.ROOT))
                                : defaults.rounding(),
                        rule.has("capPerVisit") ? (rule.path("capPerVisit").isNull() ? null : rule.path("capPerVisit").decimalValue())
                                : defaults.capPerVisit(),
                        idsOr(rule, "excludedServiceIds", defaults.excludedServiceIds()),
                        idsOr(rule, "excludedCategoryIds", defaults.excludedCategoryIds())));
            }
            return result;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** A company's list replaces the default one ({@code []}: nothing excluded there), it does not add to it. */
    private static Set<Long> idsOr(JsonNode rule, String field, Set<Long> defaults) {
        if (!rule.has(field)) {
            return defaults;
        }
        JsonNode list = rule.path(field);
        if (!list.isArray()) {
            throw new IllegalArgumentException(field + " is not a list of ids");
        }
        Set<Long> ids = new HashSet<>();
        for (JsonNode id : list) {
            if (!id.canConvertToLong()) {
                throw new IllegalArgumentException(field + " holds " + id + ", not an id");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private static Set<Long> ids(String text) {
        Set<Long> ids = new HashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                ids.add(Long.parseLong(part.strip()));
            }
        }
        return ids;
    }

    private static BonusRules checked(EnvVar variable, java.util.function.Supplier<BonusRules> rules) {
        try {
            return rules.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable.name(), "environment variable " + variable.name() + " gives invalid bonus rules: " + e.getMessage());
        }
    }
}

package io.ycbridge.bonus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompanyBonusRulesTest {

    @Test
    void defaultsComeFromTheSimpleVariablesAndCompaniesOverrideThem() {
        CompanyBonusRules rules = CompanyBonusRules.from(Config.of(Map.of(
                "BONUS_PERCENT", "5",
                "BONUS_ROUNDING_SCALE", "2",
                "BONUS_ROUNDING_MODE", "half_up",
                "BONUS_CAP_PER_VISIT", "1000",
                "BONUS_EXCLUDED_SERVICE_IDS", "301, 302",
                "BONUS_RULES", "{\"240012\":{\"percent\":3,\"capPerVisit\":null}}")));

        BonusRules defaults = rules.forCompany(235564);
        assertEquals(new BonusRules(new BigDecimal("5"), 2, RoundingMode.HALF_UP, new BigDecimal("1000"), Set.of(301L, 302L)), defaults);
        BonusRules other = rules.forCompany(240012);
        assertEquals(0, new BigDecimal("3").compareTo(other.percent()));
        assertNull(other.capPerVisit());
        assertEquals(Set.of(301L, 302L), other.excludedServiceIds(), "fields not given are the defaults'");
    }

    @Test
    void excludedCategoriesComeFromTheirVariableAndACompanysListReplacesIt() {
        CompanyBonusRules rules = CompanyBonusRules.from(Config.of(Map.of(
                "BONUS_PERCENT", "5",
                "BONUS_EXCLUDED_CATEGORY_IDS", "12,13",
                "BONUS_RULES", "{\"240012\":{\"excludedCategoryIds\":[40]},\"240013\":{\"excludedCategoryIds\":[]},"
                        + "\"240014\":{\"percent\":3}}")));

        assertEquals(Set.of(12L, 13L), rules.forCompany(235564).excludedCategoryIds());
        assertEquals(Set.of(40L), rules.forCompany(240012).excludedCategoryIds());
        assertEquals(Set.of(), rules.forCompany(240013).excludedCategoryIds(), "[] excludes nothing there");
        assertFalse(rules.forCompany(240013).excludesCategories());
        assertEquals(Set.of(12L, 13L), rules.forCompany(240014).excludedCategoryIds(), "fields not given are the defaults'");
        assertEquals(Set.of(), rules.forCompany(240014).excludedServiceIds());
    }

    @Test
    void aBadCategoryListNamesTheVariable() {
        ConfigException plain = assertThrows(ConfigException.class, () -> CompanyBonusRules.from(Config.of(Map.of(
                "BONUS_PERCENT", "5", "BONUS_EXCLUDED_CATEGORY_IDS", "12,beard"))));
        assertTrue(plain.getMessage().contains("BONUS_EXCLUDED_CATEGORY_IDS"), plain.getMessage());
        ConfigException json = assertThrows(ConfigException.class, () -> CompanyBonusRules.from(Config.of(Map.of(
                "BONUS_PERCENT", "5", "BONUS_RULES", "{\"240012\":{\"excludedCategoryIds\":[\"beard\"]}}"))));
        assertTrue(json.getMessage().contains("BONUS_RULES"), json.getMessage());
    }

    @Test
    void aMissingOrBadValueNamesTheVariable() {
        ConfigException missing = assertThrows(ConfigException.class, () -> CompanyBonusRules.from(Config.of(Map.of())));
        assertTrue(missing.getMessage().contains("BONUS_PERCENT"), missing.getMessage());
        ConfigException bad = assertThrows(ConfigException.class, () -> CompanyBonusRules.from(Config.of(Map.of(
                "BONUS_PERCENT", "5", "BONUS_RULES", "[1]"))));
        assertTrue(bad.getMessage().contains("BONUS_RULES"), bad.getMessage());
        ConfigException range = assertThrows(ConfigException.class, () -> CompanyBonusRules.from(Config.of(Map.of("BONUS_PERCENT", "150"))));
        assertTrue(range.getMessage().contains("BONUS_PERCENT"), range.getMessage());
    }
}

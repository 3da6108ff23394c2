package io.ycbridge.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.ycbridge.yclients.model.Company;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The phone region of a company, from what {@code GET /company/{id}} says. The API carries no ISO code: {@code country}
 * is a name in the account's language ({@code "Россия"}, {@code "Ukraine"}), {@code country_id} is YClients' own
 * number, listed by {@code GET /countries} with a calling code that several regions share (+7). So the name is
 * matched against the country names the JDK knows in the languages of YClients' and Altegio's markets, and when it
 * is empty or unknown the company's own phone, written with its country code, names the region.
 */
public final class CompanyCountry {
    private static final List<String> LANGUAGES = List.of("ru", "en", "uk", "kk", "be", "uz", "ky", "hy", "ka", "az", "ro",
            "lv", "lt", "et", "pl", "cs", "de", "fr", "es", "it", "pt", "tr", "he", "ar", "sr", "bg", "hu", "fi", "nl");
    private static final Map<String, String> REGIONS_BY_NAME = namesToRegions();

    private CompanyCountry() {
    }

    /** The region libphonenumber has metadata for, or empty when the company's data names none. */
    public static Optional<String> regionOf(Company company) {
        if (company == null) {
            return Optional.empty();
        }
        Optional<String> byName = Optional.ofNullable(company.country()).map(CompanyCountry::key).map(REGIONS_BY_NAME::get);
        return byName.isPresent() ? byName : regionOfPhone(company.phone());
    }

    private static Optional<String> regionOfPhone(String phone) {
        if (phone == null || !phone.strip().startsWith("+")) {
            return Optional.empty(); // without a country code the phone says nothing about the country
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            var number = util.parse(phone, "ZZ");
            // For a shared calling code an invalid number names no region; the code's main one reads numbers the same way.
            String region = util.getRegionCodeForNumber(number);
            return PhoneNormalizer.region(region != null ? region : util.getRegionCodeForCountryCode(number.getCountryCode()));
        } catch (NumberParseException notAPhone) {
            return Optional.empty();
        }
    }

    private static Map<String, String> namesToRegions() {
        Map<String, String> regions = new HashMap<>();
        for (String region : PhoneNormalizer.regions()) {
            Locale country = new Locale.Builder().setRegion(region).build();
            regions.putIfAbsent(key(region), region);
            for (String language : LANGUAGES) {
                regions.putIfAbsent(key(country.getDisplayCountry(Locale.forLanguageTag(language))), region);
            }
        }
        // Names the API uses that the JDK words otherwise.
        regions.put(key("Российская Федерация"), "RU");
        regions.put(key("Russian Federation"), "RU");
        regions.put(key("Республика Казахстан"), "KZ");
        regions.put(key("Республика Беларусь"), "BY");
        regions.put(key("Белоруссия"), "BY");
        regions.put(key("Киргизия"), "KG");
        regions.put(key("Кыргызстан"), "KG");
        regions.put(key("UK"), "GB");
        regions.put(key("Great Britain"), "GB");
        regions.put(key("USA"), "US");
        return Map.copyOf(regions);
    }

    /** Case, accents, ё/е and punctuation do not matter. */
    private static String key(String name) {
        String folded = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е'), Normalizer.Form.NFD);
        return folded.replaceAll("[\\p{M}\\p{P}\\s]+", "");
    }
}

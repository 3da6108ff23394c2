package io.ycbridge.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.model.Company;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyCountryTest {

    @ParameterizedTest(name = "country ''{0}'', phone ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Россия                | ''                 | RU
            Российская Федерация  | ''                 | RU
            Russia                | ''                 | RU
            Украина               | ''                 | UA
            Україна               | ''                 | UA
            Ukraine               | +7 495 509-24-46   | UA
            Казахстан             | ''                 | KZ
            Қазақстан             | ''                 | KZ
            Kazakhstan            | ''                 | KZ
            Беларусь              | ''                 | BY
            Латвия                | ''                 | LV
            Latvija               | ''                 | LV
            Sakartvelo            | +995 32 212 3456   | GE
            United Kingdom        | ''                 | GB
            ' united  kingdom '   | ''                 | GB
            Россiя                | +380 44 123 45 67  | UA
            ''                    | +7 916 684-41-22   | RU
            ''                    | +7 701 123 45 67   | KZ
            ''                    | +7 000 123 45 67   | RU
            NULL                  | +44 20 7946 0958   | GB
            ''                    | 8 916 684-41-22    | NONE
            ''                    | ''                 | NONE
            Narnia                | NULL               | NONE
            NULL                  | NULL               | NONE
            """)
    void namesTheRegionFromTheCountryNameElseTheCompanysPhone(String country, String phone, String region) {
        Company company = new Company(1, "Salon", null, null, country, "", phone, true);

        assertEquals("NONE".equals(region) ? Optional.empty() : Optional.of(region), CompanyCountry.regionOf(company));
    }

    /** The reference's own examples: GET /company/{id}, and a record's company with country_id "0" and only a phone. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id": 37532, "title": "Новая компания", "country_id": 1, "country": "Россия", "city_id": 1, "city": "Москва", "timezone": "Europe/Moscow"} | RU
            {"id": 4564, "title": "", "country_id": "0", "country": "", "city_id": "0", "city": "Москва", "phone": "+7 916 684-41-22", "timezone": "0"} | RU
            """)
    void readsTheReferencesCompanyObjects(String json, String region) throws Exception {
        Company company = ApiJson.mapper().readValue(json, Company.class);

        assertEquals(Optional.of(region), CompanyCountry.regionOf(company));
    }
}

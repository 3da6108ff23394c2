package io.ycbridge.yclients.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.RecordQuery;
import io.ycbridge.yclients.YClientsClient;
import io.ycbridge.yclients.model.Client;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.HookSettings;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.ServiceCategory;
import io.ycbridge.yclients.model.StaffMember;
import io.ycbridge.yclients.model.UserToken;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every example answer of the reference for an endpoint the client calls, served byte for byte and decoded by the
 * client itself (transport, envelope, models): the values land where the bridge reads them. Where we send a body,
 * what the client sent uses only the fields of the reference's request example, in their kinds.
 */
class ReferenceDecodingTest {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static ExampleServer server;
    private static YClientsClient client;

    @BeforeAll
    static void start() {
        server = ExampleServer.start();
        client = YClientsClient.builder().baseUri(server.baseUri())
                .credentials(new Credentials("partner-token", "user-token"))
                .rateLimiter(RateLimiter.UNLIMITED)
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static YClientsClient answering(ReferenceExample example) {
        server.answering(example);
        return client;
    }

    private static JsonNode sentBody() throws Exception {
        return JSON.readTree(server.body());
    }

    @Test
    void authenticationReadsTheTokenFromTheCreatedAnswerAndSendsTheReferencesFields() throws Exception {
        UserToken token = answering(ReferenceExample.AUTH).authenticate("testuser@yclients.com", "testpass".toCharArray());
        assertEquals("wec23fh8cDfFV4432fc352456", token.userToken());
        assertEquals("POST /auth", server.method() + " " + server.path());
        assertEquals(List.of(), ReferenceExample.AUTH_REQUEST.shape().compare(sentBody()));
        assertEquals(ReferenceExample.AUTH_REQUEST.json(), sentBody());
    }

    @Test
    void companiesWithIdsAsStringsAndTheZoneByName() {
        List<Company> companies = answering(ReferenceExample.COMPANIES).companies(true);
        assertEquals("GET /companies my=1", server.method() + " " + server.path() + " " + server.query());
        assertEquals(List.of(1050L, 1051L), companies.stream().map(Company::id).toList());
        Company first = companies.getFirst();
        assertEquals("Ля Визаж", first.title());
        assertEquals(MOSCOW, first.zone().orElseThrow());
        assertEquals("+7 495 509-24-46", first.phone());
        assertEquals("Россия", first.country());
        assertEquals("Москва", first.city());
        assertEquals(Boolean.TRUE, first.active(), "\"active\": \"1\"");
    }

    @Test
    void aCompany() {
        Company company = answering(ReferenceExample.COMPANY).company(37532);
        assertEquals("GET /company/37532", server.method() + " " + server.path());
        assertEquals(37532, company.id());
        assertEquals("Новая компания", company.title());
        assertEquals(MOSCOW, company.zone().orElseThrow());
    }

    @Test
    void servicesWithEveryNumberAsAString() {
        List<Service> services = answering(ReferenceExample.SERVICES).services(4564);
        assertEquals("GET /company/4564/services", server.method() + " " + server.path());
        assertEquals(List.of(79067L, 83169L), services.stream().map(Service::id).toList());
        Service shave = services.getFirst();
        assertEquals("Бритье головы", shave.title());
        assertEquals(4L, shave.categoryId());
        assertEquals(0, new BigDecimal("1000.00").compareTo(shave.priceMin()));
        assertEquals(0, new BigDecimal("1000.00").compareTo(shave.priceMax()));
        assertEquals(2, shave.weight());
        assertEquals(Boolean.TRUE, shave.active());
        assertEquals(List.of(), shave.staff());
        Service haircut = services.get(1);
        assertEquals(83167L, haircut.categoryId());
        assertEquals(7, haircut.staff().size());
        assertEquals(new Service.StaffRef(5905, 2700), haircut.staff().getFirst());
        assertEquals(new Service.StaffRef(34006, 3600), haircut.staff().getLast());
        // The reference's services carry no "duration" (live ones do, see the simulator's allowances): null, not 0.
        assertNull(haircut.duration());
    }

    @Test
    void serviceCategories() {
        List<ServiceCategory> categories = answering(ReferenceExample.SERVICE_CATEGORIES).serviceCategories(4564);
        assertEquals("GET /company/4564/service_categories", server.method() + " " + server.path());
        assertEquals(List.of(new ServiceCategory(345, "Стрижки мужские", 10), new ServiceCategory(3456, "Стрижки женские", 9)),
                categories);
    }

    @Test
    void staff() {
        List<StaffMember> staff = answering(ReferenceExample.STAFF).staff(176275);
        assertEquals("GET /company/176275/staff", server.method() + " " + server.path());
        StaffMember member = staff.getFirst();
        assertEquals(1001539, member.id());
        assertEquals("Сотрудник 1", member.name());
        assertEquals("специалист", member.specialization());
        assertEquals("https://yclients.com/images/no-master-sm.png", member.avatar());
        assertEquals(Boolean.FALSE, member.fired());
        assertEquals(Boolean.FALSE, member.hidden());
    }

    @Test
    void theLegacyStaffShapeWithStringsAndEmptyArraysForObjectsDecodesToo() {
        // We call /company/{id}/staff, but older answers (and, by peers' code, live ones) look like this one.
        List<StaffMember> staff = answering(ReferenceExample.STAFF_LEGACY).staff(4564);
        assertEquals(List.of(17969L, 34006L, 13616L), staff.stream().map(StaffMember::id).toList());
        StaffMember alexander = staff.get(2);
        assertEquals("Александр", alexander.name());
        assertEquals(0, new BigDecimal("4.76921").compareTo(alexander.rating()));
        assertEquals(Boolean.FALSE, alexander.fired(), "\"fired\": \"0\"");
        assertEquals(Boolean.FALSE, alexander.hidden());
    }

    @Test
    void theRecordsListWithoutClientsAndWithCustomFieldsAsAnObject() {
        List<Record> records = answering(ReferenceExample.RECORDS).records(4564,
                RecordQuery.changedSince(OffsetDateTime.parse("2016-02-23T12:00:00+03:00"))).toList();
        assertEquals("GET /records/4564", server.method() + " " + server.path());
        assertEquals(List.of(2L, 9L), records.stream().map(Record::id).toList());
        Record first = records.getFirst();
        assertEquals(4564, first.companyId());
        assertEquals(9L, first.staffId());
        assertEquals(1, first.services().size());
        assertEquals(1, first.services().getFirst().id());
        assertEquals("Наращивание волос", first.services().getFirst().title());
        assertEquals(0, new BigDecimal(100).compareTo(first.services().getFirst().cost()));
        assertEquals(1, first.services().getFirst().amount());
        assertNull(first.client());
        assertEquals(OffsetDateTime.parse("2019-01-16T16:00:00+09:00"), first.datetime().resolve(MOSCOW));
        assertFalse(first.date().hasOffset());
        assertEquals(OffsetDateTime.parse("2019-01-16T20:35:15+09:00"), first.lastChangeDate().resolve(MOSCOW));
        assertEquals(OffsetDateTime.parse("2019-01-16T20:35:11+09:00"), first.createDate().resolve(MOSCOW));
        assertEquals("8262996", first.visitId());
        assertEquals(3600, first.seanceLength());
        assertEquals(0, first.attendance());
        assertEquals(0, first.paidFull());
        assertFalse(first.isDeleted());
        assertEquals(Boolean.FALSE, first.online());
        assertTrue(first.customFields().isObject() && first.customFields().isEmpty());
        Record second = records.get(1);
        assertEquals(List.of(), second.services());
        assertEquals(1, second.attendance());
        assertEquals(10800, second.seanceLength());
        assertEquals(Boolean.TRUE, second.online());
    }

    @Test
    void aRecordWithItsClient() {
        Record record = answering(ReferenceExample.RECORD).record(4564, 2);
        assertEquals("GET /record/4564/2", server.method() + " " + server.path());
        assertEquals(2, record.id());
        assertEquals(18936825L, record.client().id());
        assertEquals("lx", record.client().name());
        assertEquals("+70001234567", record.client().phone());
        assertEquals("client@example.com", record.client().email());
        assertEquals("8263004", record.visitId(), "a string in the single answer too");
        assertEquals(OffsetDateTime.parse("2019-01-17T19:44:14+09:00"), record.lastChangeDate().resolve(MOSCOW));
    }

    @Test
    void aClientSearchSendsOnlyTheReferencesFieldsAndReadsTheHits() throws Exception {
        List<Client> clients = answering(ReferenceExample.CLIENTS_SEARCH).clientsByPhone(4564, "+7 916 123").toList();
        assertEquals("POST /company/4564/clients/search", server.method() + " " + server.path());
        assertEquals(List.of(2L, 3L, 1L), clients.stream().map(Client::id).toList());
        assertEquals(List.of("Петров", "Сидоров", "Иванов"), clients.stream().map(Client::name).toList());
        assertEquals(List.of(), ReferenceExample.CLIENTS_SEARCH_REQUEST.shape().compareAsSubset(sentBody()));
        assertEquals("7916123", sentBody().path("filters").path(0).path("state").path("value").asText());
    }

    @Test
    void hookSettings() {
        HookSettings settings = answering(ReferenceExample.HOOK_SETTINGS).hookSettings(4564);
        assertEquals("GET /hooks_settings/4564", server.method() + " " + server.path());
        assertEquals(List.of("https://dev.tools.test.com/test/Hooks"), settings.urls());
        assertFalse(settings.active(), "\"active\": 0");
        assertTrue(settings.recordEvents());
    }

    @Test
    void anUpdateOfHookSettingsIsCreatedAndSendsTheReferencesRequestShape() throws Exception {
        HookSettings read = answering(ReferenceExample.HOOK_SETTINGS).hookSettings(4564);
        HookSettings written = answering(ReferenceExample.HOOK_SETTINGS_UPDATE)
                .updateHookSettings(4564, read.withRecordsTo("https://bridge.example/v1/yclients/webhook/secret"));
        assertEquals("POST /hooks_settings/4564", server.method() + " " + server.path());
        assertEquals(List.of(), ReferenceExample.HOOK_SETTINGS_UPDATE_REQUEST.shape().compare(sentBody()));
        assertEquals(List.of("https://dev.tools.test.com/test/Hooks"), written.urls());
        assertTrue(written.recordEvents());
    }
}

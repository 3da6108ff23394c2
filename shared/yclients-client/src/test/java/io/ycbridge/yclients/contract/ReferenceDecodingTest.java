package io.ycbridge.yclients.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.ApiTimestamp;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.RecordQuery;
import io.ycbridge.yclients.ValidationException;
import io.ycbridge.yclients.YClientsClient;
import io.ycbridge.yclients.model.BookableServices;
import io.ycbridge.yclients.model.BookableStaff;
import io.ycbridge.yclients.model.BookableTime;
import io.ycbridge.yclients.model.BookedRecord;
import io.ycbridge.yclients.model.BookingAppointment;
import io.ycbridge.yclients.model.BookingDates;
import io.ycbridge.yclients.model.BookingRequest;
import io.ycbridge.yclients.model.Client;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.HookSettings;
import io.ycbridge.yclients.model.LoyaltyCard;
import io.ycbridge.yclients.model.LoyaltyCardType;
import io.ycbridge.yclients.model.LoyaltyTransaction;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.RecordRules;
import io.ycbridge.yclients.model.RescheduledRecord;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.ServiceCategory;
import io.ycbridge.yclients.model.StaffMember;
import io.ycbridge.yclients.model.UserRecord;
import io.ycbridge.yclients.model.UserToken;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
    private static final ApiTimestamp AT = ApiTimestamp.of(OffsetDateTime.parse("2015-09-30T15:30:00+04:00"));
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

    // ---- online booking ("Онлайн-запись", "Записи пользователя") ----------------------------------------------------

    @Test
    void bookableServicesWithTheirCategoriesUnderTheExamplesKeyAndTheFiltersAsAPhpArray() {
        BookableServices answer = answering(ReferenceExample.BOOK_SERVICES)
                .bookableServices(4564, 6544L, AT, List.of(331L, 99055L));
        assertEquals("GET /book_services/4564", server.method() + " " + server.path());
        assertEquals("staff_id=6544&datetime=2015-09-30T15%3A30%3A00%2B04%3A00&service_ids%5B0%5D=331&service_ids%5B1%5D=99055",
                server.query());
        assertEquals(List.of(1896208L, 1896303L), answer.services().stream().map(s -> s.id()).toList());
        assertEquals("Мытье волос", answer.services().getFirst().title());
        assertEquals(1895571L, answer.services().getFirst().categoryId());
        assertEquals(3600, answer.services().getFirst().seanceLength());
        assertEquals(0, BigDecimal.ZERO.compareTo(answer.services().getFirst().priceMin()));
        assertFalse(answer.services().getFirst().active(), "\"active\": 0");
        assertEquals(List.of("Уходы для волос", "Окрашивание волос"), answer.categories().stream().map(c -> c.title()).toList());
        assertEquals("0", answer.categories().getFirst().apiId(), "a number in the example, a string in the field table");
    }

    @Test
    void bookableStaffWithIdsAsStringsAndPositionAsAnEmptyArray() {
        List<BookableStaff> staff = answering(ReferenceExample.BOOK_STAFF).bookableStaff(4564, List.of(331L), null);
        assertEquals("GET /book_staff/4564 service_ids%5B0%5D=331", server.method() + " " + server.path() + " " + server.query());
        assertEquals(List.of(16L, 32L), staff.stream().map(BookableStaff::id).toList());
        assertTrue(staff.getFirst().bookable());
        assertEquals(LocalDate.of(2015, 9, 25), staff.getFirst().seanceDate().orElseThrow());
        assertEquals(0, new BigDecimal(3).compareTo(staff.getFirst().rating()));
        assertFalse(staff.get(1).bookable());
        assertTrue(staff.get(1).seanceDate().isEmpty());
    }

    @Test
    void bookingDatesAsFlatLists() {
        BookingDates dates = answering(ReferenceExample.BOOK_DATES).bookingDates(4564, 6544L, List.of(), LocalDate.of(2015, 9, 1));
        assertEquals("GET /book_dates/4564 staff_id=6544&date=2015-09-01", server.method() + " " + server.path() + " " + server.query());
        assertEquals(28, dates.bookingDates().size());
        assertEquals(LocalDate.of(2015, 9, 4), dates.bookingDates().getFirst());
        assertEquals(LocalDate.of(2015, 10, 25), dates.workingDates().getLast());
    }

    @Test
    void bookableTimesKeepTheirDatetimeToSendBack() {
        List<BookableTime> times = answering(ReferenceExample.BOOK_TIMES)
                .bookableTimes(4564, 6544, LocalDate.of(2015, 9, 29), List.of(331L));
        assertEquals("GET /book_times/4564/6544/2015-09-29 service_ids%5B0%5D=331",
                server.method() + " " + server.path() + " " + server.query());
        assertEquals(List.of("12:00", "13:00", "14:00", "15:00", "16:00"), times.stream().map(BookableTime::time).toList());
        assertEquals(3600, times.getFirst().seanceLength());
        assertEquals("2015-09-29T12:00:00+04:00", times.getFirst().datetime().toString(), "sent back as it came");
    }

    @Test
    void aRefusedCheckIsAValidationExceptionWithTheReferencesMessageAndSendsTheReferencesRequestShape() throws Exception {
        ValidationException refused = assertThrows(ValidationException.class, () -> answering(ReferenceExample.BOOK_CHECK_REFUSED)
                .checkBooking(4564, List.of(new BookingAppointment(1, List.of(331L), 6544, AT))));
        assertEquals("POST /book_check/4564", server.method() + " " + server.path());
        assertEquals(List.of(), ReferenceExample.BOOK_CHECK_REQUEST.shape().compareAsSubset(sentBody()));
        assertEquals(422, refused.status());
        assertTrue(refused.apiMessage().startsWith("К сотруднику Ирина Александровна(6544) нельзя записаться"));
        // The example carries no code (the reference says one comes with it): the refusal is typed, its code unknown.
        assertEquals(0, refused.errorCode());
        assertTrue(refused.bookingError().isEmpty());
    }

    @Test
    void aBookingReadsOneCreatedRecordPerAppointmentAndSendsOnlyTheReferencesFields() throws Exception {
        BookingRequest request = new BookingRequest("79000000000", "ДИМА", "d@yclients.com", "38829", "тестовая запись!", "777",
                List.of(new BookingAppointment(1, List.of(331L), 6544, ApiTimestamp.of(OffsetDateTime.parse("2015-09-29T13:00:00+04:00"))),
                        new BookingAppointment(2, List.of(99055L), 6544, AT)));
        List<BookedRecord> booked = answering(ReferenceExample.BOOK_RECORD).book(4564, request);
        assertEquals("POST /book_record/4564", server.method() + " " + server.path());
        assertEquals(List.of(), ReferenceExample.BOOK_RECORD_REQUEST.shape().compareAsSubset(sentBody()));
        assertEquals("777", sentBody().path("api_id").asText());
        assertEquals(List.of(new BookedRecord(1, 2820023, "567df655304da9b98487769426d4e76e"),
                new BookedRecord(2, 2820024, "34a45ddabdd446d5d33bdd27fbf855b2")), booked);
    }

    @Test
    void theCodeRequestSendsTheAttributesSpellingOfFullname() throws Exception {
        server.answering(ReferenceExample.BOOK_RECORD);
        client.sendBookingCode(4564, "79991234567", "Вася");
        assertEquals("POST /book_code/4564", server.method() + " " + server.path());
        // The example body writes "fulname"; its attributes and book_record's table say "fullname".
        assertEquals(List.of("fullname: not in the reference"),
                ReferenceExample.BOOK_CODE_REQUEST.shape().compareAsSubset(sentBody()).stream().map(String::valueOf).toList());
        assertEquals("79991234567", sentBody().path("phone").asText());
    }

    @Test
    void aUsersRecordWithItsLengthAndApiId() {
        List<UserRecord> records = answering(ReferenceExample.USER_RECORDS).userRecord(13132699, "567df655304da9b98487769426d4e76e");
        assertEquals("GET /user/records/13132699/567df655304da9b98487769426d4e76e", server.method() + " " + server.path());
        assertEquals(List.of(13132699L, 13133413L), records.stream().map(UserRecord::id).toList());
        UserRecord first = records.getFirst();
        assertEquals(1800, first.length());
        assertTrue(first.isDeleted());
        assertEquals("", first.apiId());
        assertEquals(389043L, first.services().getFirst().id());
        assertEquals(OffsetDateTime.parse("2017-10-24T17:30:00Z"), first.datetime().resolve(java.time.ZoneOffset.UTC));
        // The company's rules for the user's changes, and the example's "attendance" (the table's visit_attendance).
        assertEquals(new RecordRules(true, true, 0, 0), first.rules());
        assertEquals(Duration.ZERO, first.rules().changeDelay());
        assertEquals(0, first.attendance());
        assertEquals(55436, first.staff().id());
        assertEquals("Наталья", first.staff().name());
    }

    @Test
    void aMoveReadsTheNewStartWithoutAnOffsetAndSendsOnlyTheReferencesFields() throws Exception {
        RescheduledRecord moved = answering(ReferenceExample.BOOK_RECORD_RESCHEDULE)
                .rescheduleBooking(4564, 30358, ApiTimestamp.parse("2016-05-20T14:30:00"), "DODO!");
        assertEquals("PUT /book_record/4564/30358", server.method() + " " + server.path());
        assertEquals(List.of(), ReferenceExample.BOOK_RECORD_RESCHEDULE_REQUEST.shape().compare(sentBody()));
        assertEquals("DODO!", sentBody().path("comment").asText());
        assertEquals(30358, moved.id());
        assertEquals(new ApiTimestamp(LocalDateTime.of(2016, 5, 20, 14, 30), null), moved.date());
        assertEquals(new ApiTimestamp(LocalDateTime.of(2016, 5, 19, 14, 30, 10), null), moved.createDate());
        assertEquals(3600, moved.length());
        assertTrue(moved.isDeleted(), "the example's own value");
        assertEquals("0", moved.apiId());
        assertEquals(Boolean.TRUE, moved.online());
        assertEquals("", moved.comment());
        assertEquals(List.of(2838L), moved.services().stream().map(s -> s.id()).toList());
        assertEquals(924, moved.staff().id());
        assertEquals(0, new BigDecimal(5).compareTo(moved.staff().rating()), "\"rating\": \"5\"");
    }

    @Test
    void aMoveWithoutACommentSendsOnlyTheTime() throws Exception {
        answering(ReferenceExample.BOOK_RECORD_RESCHEDULE).rescheduleBooking(4564, 30358, AT, null);
        assertEquals(List.of(), ReferenceExample.BOOK_RECORD_RESCHEDULE_REQUEST.shape().compareAsSubset(sentBody()));
        assertEquals(List.of("datetime"), List.copyOf(sentBody().properties().stream().map(java.util.Map.Entry::getKey).toList()));
        assertEquals("2015-09-30T15:30:00+04:00", sentBody().path("datetime").asText());
    }

    // ---- loyalty cards ("Карты лояльности"), both tokens ----------------------------------------------------------

    private static final String BOTH_TOKENS = "Bearer partner-token, User user-token";

    @Test
    void theCompanysCardTypes() {
        List<LoyaltyCardType> types = answering(ReferenceExample.LOYALTY_CARD_TYPES).loyaltyCardTypes(12345);
        assertEquals("GET /loyalty/card_types/salon/12345", server.method() + " " + server.path());
        assertEquals(BOTH_TOKENS, server.authorization());
        assertEquals(List.of(new LoyaltyCardType(10992, "5+2", 145071), new LoyaltyCardType(8230, "кешбек", 145071),
                new LoyaltyCardType(12712, "Карта", 16669)), types);
    }

    @Test
    void aPhonesCardsAnsweredAsOneObjectAreAListOfOne() {
        List<LoyaltyCard> cards = answering(ReferenceExample.LOYALTY_CARDS).loyaltyCards("70001234567", 145071, 12345);
        assertEquals("GET /loyalty/cards/70001234567/145071/12345", server.method() + " " + server.path());
        assertEquals(BOTH_TOKENS, server.authorization());
        assertEquals(1, cards.size());
        LoyaltyCard card = cards.getFirst();
        assertEquals(9210520, card.id());
        assertEquals(0, new BigDecimal(100).compareTo(card.balance()));
        assertEquals("0014507109210520", card.number(), "its leading zeros kept");
        assertEquals(10992, card.typeId());
        assertEquals(145071, card.salonGroupId());
    }

    @Test
    void issuingSendsTheReferencesBodyInItsKindsAndReadsTheCard() throws Exception {
        LoyaltyCard card = answering(ReferenceExample.LOYALTY_CARD_ISSUE).issueLoyaltyCard(12345, "09090909", 8230, "79091552422");
        assertEquals("POST /loyalty/cards/12345", server.method() + " " + server.path());
        assertEquals(BOTH_TOKENS, server.authorization());
        assertEquals(List.of(), ReferenceExample.LOYALTY_CARD_ISSUE_REQUEST.shape().compare(sentBody()));
        assertEquals(ReferenceExample.LOYALTY_CARD_ISSUE_REQUEST.json(), sentBody());
        // The example answers another number than it asked for; the card is read as answered.
        assertEquals(new LoyaltyCard(9250498, card.balance(), "01010101", 8230, 145071), card);
        assertEquals(0, card.balance().signum());
    }

    @Test
    void theChainsFeedReadsTransactionsInTheReferencesShapeAndSendsItsBoundsInUtc() {
        // Our copy has no example of the chain's feed; its transactions are those of the visit's list, served as its page.
        List<LoyaltyTransaction> transactions = answering(ReferenceExample.VISIT_LOYALTY_TRANSACTIONS)
                .chainLoyaltyTransactions(145071, Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-31T21:00:00.750Z")).toList();
        assertEquals("GET /chain/145071/loyalty/transactions", server.method() + " " + server.path());
        assertEquals("created_after=2026-12-01T10%3A00%3A00%2B00%3A00&created_before=2026-12-31T21%3A00%3A00%2B00%3A00&page=1&count=100",
                server.query());
        assertEquals(BOTH_TOKENS, server.authorization());
        assertEquals(List.of(
                new LoyaltyTransaction(22989715, 1, transactions.get(0).amount(), 1, 0, 145071, null, null, true, false, null, null,
                        "Скидка по акции"),
                new LoyaltyTransaction(22994127, 1, transactions.get(1).amount(), 4, 9234863, 145071, null, null, false, false, null,
                        null, "Начисление по реферальной программе")), transactions);
        assertEquals(0, new BigDecimal(100).compareTo(transactions.get(0).amount()));
        assertEquals(0, new BigDecimal(100).compareTo(transactions.get(1).amount()));
    }

    @Test
    void aWithdrawalsTransactionsDecodeWithTheirAmountsExact() throws Exception {
        // apply_card_withdrawal is not ours to call; its loyalty_transactions are the withdrawals a chain's feed lists.
        JsonNode items = JSON.readTree(ReferenceExample.LOYALTY_CARD_WITHDRAWAL.text()).path("data").path("loyalty_transactions");
        List<LoyaltyTransaction> withdrawals = JSON.readerForListOf(LoyaltyTransaction.class).readValue(items);
        assertEquals(List.of(22988861L, 22988862L), withdrawals.stream().map(LoyaltyTransaction::id).toList());
        LoyaltyTransaction goods = withdrawals.getFirst();
        assertEquals(new BigDecimal("0.66000000000000003"), goods.amount(), "as written, not as a double");
        assertEquals(3, goods.typeId());
        assertTrue(goods.loyaltyWithdraw());
        assertFalse(goods.discount());
        assertEquals(9210520, goods.cardId());
        assertNull(goods.recordId(), "item_record_id 0: a line of goods, no record");
        assertEquals("Списание с карты лояльности", goods.typeTitle());
        LoyaltyTransaction service = withdrawals.get(1);
        assertEquals(new BigDecimal("99.340000000000003"), service.amount());
        assertEquals(140878948L, service.recordId());
    }

    @Test
    void aManualTransactionAnsweredWithoutATransactionIsStillAppliedAsIdZero() throws Exception {
        // No example of this answer in our copy: served the withdrawal's, which names no transaction at its top.
        LoyaltyTransaction applied = answering(ReferenceExample.LOYALTY_CARD_WITHDRAWAL)
                .postManualLoyaltyTransaction(12345, 9210520, new BigDecimal("-50.5"), "ycb:entry-1");
        assertEquals("POST /company/12345/loyalty/cards/9210520/manual_transaction", server.method() + " " + server.path());
        assertEquals(BOTH_TOKENS, server.authorization());
        assertEquals(JSON.readTree("{\"amount\": -50.5, \"title\": \"ycb:entry-1\"}"), sentBody());
        assertEquals(0, applied.id());
        assertEquals(new BigDecimal("-50.5"), applied.amount());
        assertEquals(9210520, applied.cardId());
        assertEquals("ycb:entry-1", applied.title());
    }
}

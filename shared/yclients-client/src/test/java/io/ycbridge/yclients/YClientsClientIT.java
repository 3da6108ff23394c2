package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MessageLanguage;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.simulator.RecordedRequest;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.yclients.AuthenticationException.Credential;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.HookSettings;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.Service;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the simulator: real HTTP, the real wire format, faults on purpose, no real sleeping. */
class YClientsClientIT {
    private static final long COMPANY = 235564;
    private static final long OTHER_COMPANY = 1169323;
    private static YClientsSimulator sim;

    private MovableClock clock;
    private RecordingSleeper sleeper;

    @BeforeAll
    static void startSimulator() {
        sim = YClientsSimulator.start();
        sim.seed(SimulatorSeed.demo());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.faults().clear();
        sim.clearRequests();
        sim.messages(MessageLanguage.RU);
        clock = new MovableClock();
        sleeper = new RecordingSleeper(clock);
    }

    private YClientsClient.Builder builder(Credentials credentials) {
        return YClientsClient.builder()
                .baseUri(sim.baseUri())
                .credentials(credentials)
                .clock(clock)
                .sleeper(sleeper)
                .random(new Random(1))
                .rateLimiter(RateLimiter.UNLIMITED);
    }

    private YClientsClient client() {
        return builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN)).build();
    }

    private RecordedRequest lastRequest() {
        List<RecordedRequest> requests = sim.requests();
        return requests.getLast();
    }

    @Test
    void sendsBothTokensAndTheVersionedAcceptHeader() {
        List<Service> services = client().services(COMPANY);
        assertFalse(services.isEmpty());
        RecordedRequest request = lastRequest();
        assertEquals("Bearer " + SimulatorDefaults.PARTNER_TOKEN + ", User " + SimulatorDefaults.USER_TOKEN,
                request.header("Authorization").orElseThrow());
        assertEquals("application/vnd.yclients.v2+json", request.header("Accept").orElseThrow());
    }

    @Test
    void partnerOnlyCallsSendOnlyThePartnerPartEvenWhenAUserTokenIsKnown() {
        Company company = client().company(COMPANY);
        assertEquals(COMPANY, company.id());
        assertEquals(ZoneId.of("Europe/Moscow"), company.zone().orElseThrow());
        assertEquals("Bearer " + SimulatorDefaults.PARTNER_TOKEN, lastRequest().header("Authorization").orElseThrow());
    }

    @Test
    void aPartnerTokenAloneCanListCompaniesButNotRecords() {
        YClientsClient partnerOnly = builder(Credentials.partnerOnly(SimulatorDefaults.PARTNER_TOKEN)).build();
        assertTrue(partnerOnly.companies(false).stream().anyMatch(c -> c.id() == COMPANY));
        assertEquals("Bearer " + SimulatorDefaults.PARTNER_TOKEN, lastRequest().header("Authorization").orElseThrow());
        AuthenticationException error = assertThrows(AuthenticationException.class,
                () -> partnerOnly.records(COMPANY, RecordQuery.changedSince(OffsetDateTime.parse("2026-01-01T00:00:00+03:00"))).toList());
        assertEquals(Credential.PARTNER_TOKEN, error.credential(), "no user token was sent, so the partner part is all we can blame");
    }

    @Test
    void anUnknownPartnerTokenIsTheSeedsPartnerIdErrorInBothLanguages() {
        YClientsClient wrong = builder(new Credentials("not-our-partner-token", SimulatorDefaults.USER_TOKEN)).build();
        AuthenticationException ru = assertThrows(AuthenticationException.class, () -> wrong.services(COMPANY));
        assertEquals(401, ru.status());
        assertEquals("Не указан идентификатор партнера", ru.apiMessage());
        assertEquals(Credential.PARTNER_TOKEN, ru.credential());
        assertTrue(ru.getMessage().contains("partnerToken"), ru.getMessage());
        assertEquals("GET", ru.method());
        assertEquals("/company/" + COMPANY + "/services", ru.path());

        sim.messages(MessageLanguage.EN);
        AuthenticationException en = assertThrows(AuthenticationException.class, () -> wrong.services(COMPANY));
        assertEquals("Partner ID not specified", en.apiMessage());
        assertEquals(Credential.PARTNER_TOKEN, en.credential());
    }

    @Test
    void anUnknownUserTokenBlamesTheUserToken() {
        YClientsClient wrong = builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, "expired-user-token-123")).build();
        AuthenticationException error = assertThrows(AuthenticationException.class, () -> wrong.staff(COMPANY));
        assertEquals(Credential.USER_TOKEN, error.credential());
        assertTrue(error.getMessage().contains("userToken"), error.getMessage());
    }

    @Test
    void aUserWithoutRightsGetsThePermissionErrorWhileCompaniesStillWork() {
        sim.addUser("+79990000999", "pw", "no-rights-user-token", COMPANY);
        sim.messages(MessageLanguage.EN);
        YClientsClient limited = builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, "no-rights-user-token")).build();
        assertFalse(limited.companies(false).isEmpty());
        PermissionException error = assertThrows(PermissionException.class, () -> limited.services(OTHER_COMPANY));
        assertEquals(403, error.status());
        assertEquals("No company management rights", error.apiMessage());
        assertTrue(error.getMessage().contains("Settings → Users"), error.getMessage());
    }

    @Test
    void everyRefusalMapsToItsType() {
        YClientsClient client = builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .retryPolicy(RetryPolicy.NONE).build();
        sim.faults().next(Fault.status(404, "Не найдено"));
        assertEquals("Не найдено", assertThrows(NotFoundException.class, () -> client.staff(COMPANY)).apiMessage());
        sim.faults().next(Fault.status(422, "Неверный формат телефона"));
        assertInstanceOf(ValidationException.class, assertThrows(YClientsException.class, () -> client.staff(COMPANY)));
        sim.faults().next(Fault.status(433, "Время уже занято"));
        assertInstanceOf(ValidationException.class, assertThrows(YClientsException.class, () -> client.staff(COMPANY)));
        sim.faults().next(Fault.rateLimited(Duration.ofSeconds(2)));
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> client.staff(COMPANY));
        assertEquals(Duration.ofSeconds(2), limited.retryAfter().orElseThrow());
        sim.faults().next(Fault.serverError());
        assertTrue(assertThrows(ServerException.class, () -> client.staff(COMPANY)).isTransient());
        sim.faults().next(Fault.successFalse("Что-то пошло не так"));
        YClientsException falseSuccess = assertThrows(YClientsException.class, () -> client.staff(COMPANY));
        assertEquals(200, falseSuccess.status());
        assertEquals("Что-то пошло не так", falseSuccess.apiMessage());
        sim.faults().next(Fault.successFalse("No company management rights"));
        assertInstanceOf(PermissionException.class, assertThrows(YClientsException.class, () -> client.staff(COMPANY)));
    }

    @Test
    void aLapsedLicenceIsItsOwnErrorWithItsOwnFixNotMissingRights() {
        YClientsClient client = builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .retryPolicy(RetryPolicy.NONE).build();
        for (int status : new int[] {402, 403}) {
            sim.faults().next(Fault.status(status, "Необходимо продлить лицензию для работы с API"));
            LicenseExpiredException lapsed = assertThrows(LicenseExpiredException.class, () -> client.staff(COMPANY));
            assertEquals(status, lapsed.status());
            assertTrue(lapsed.getMessage().contains("renews it") && !lapsed.getMessage().contains("Settings → Users"), lapsed.getMessage());
        }
        sim.faults().next(Fault.successFalse("License expired"));
        assertInstanceOf(LicenseExpiredException.class, assertThrows(YClientsException.class, () -> client.staff(COMPANY)));
        sim.faults().next(Fault.status(403, "Нет прав на управление компанией"));
        assertInstanceOf(PermissionException.class, assertThrows(YClientsException.class, () -> client.staff(COMPANY)),
                "missing rights stay missing rights");
    }

    @Test
    void aRedirectToTheWebSiteIsAConfigurationErrorNotACrash() {
        sim.faults().next(Fault.htmlRedirect());
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> client().services(COMPANY));
        assertTrue(error.getMessage().contains("https://yclients.com"), error.getMessage());
        assertTrue(error.getMessage().contains("base URL"), error.getMessage());
        assertEquals(1, sim.requestCount(), "a configuration error is not retried");
    }

    @Test
    void anHtmlPageAtTheBaseUrlIsAConfigurationError() {
        YClientsClient misdirected = builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .baseUri(URI.create(sim.baseUri().toString().replace("/api/v1", "/site"))).build();
        YClientsException error = assertThrows(YClientsException.class, () -> misdirected.services(COMPANY));
        assertTrue(error instanceof ConfigurationException || error instanceof NotFoundException, error.toString());
    }

    @Test
    void rateLimitingIsRetriedHonouringRetryAfterWithoutRealSleeping() {
        sim.faults().on("/company/" + COMPANY + "/staff").next(2, Fault.rateLimited(Duration.ofSeconds(3)));
        assertFalse(client().staff(COMPANY).isEmpty());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), sleeper.sleeps());
        assertEquals(3, sim.requestCount());
    }

    @Test
    void serverErrorsAreRetriedWithJitteredBackOffThenGiveUp() {
        sim.faults().on("/company/" + COMPANY + "/staff").always(Fault.serverError());
        ServerException error = assertThrows(ServerException.class, () -> client().staff(COMPANY));
        assertEquals(503, error.status());
        assertEquals(RetryPolicy.DEFAULT.maxAttempts(), sim.requestCount());
        assertEquals(RetryPolicy.DEFAULT.maxAttempts() - 1, sleeper.sleeps().size());
        sleeper.sleeps().forEach(d -> assertTrue(d.compareTo(RetryPolicy.DEFAULT.maxDelay()) <= 0, d.toString()));
    }

    @Test
    void aRetryAfterLongerThanWeWaitEndsTheRetries() {
        sim.faults().next(Fault.rateLimited(Duration.ofMinutes(10)));
        assertThrows(RateLimitedException.class, () -> client().staff(COMPANY));
        assertEquals(1, sim.requestCount());
        assertTrue(sleeper.sleeps().isEmpty());
    }

    @Test
    void writesAreNeverRetried() {
        sim.faults().on("/hooks_settings").next(Fault.serverError());
        assertThrows(ServerException.class, () -> client().updateHookSettings(COMPANY, new HookSettings(JsonNodeFactory.instance.objectNode()).withRecordsTo("https://example.test/hook/abcdefgh12345")));
        assertEquals(1, sim.requestCount());
    }

    @Test
    void aConnectionRefusedIsATransportErrorAfterRetries() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        YClientsClient nowhere = builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .baseUri(URI.create("http://127.0.0.1:" + port + "/api/v1")).build();
        TransportException error = assertThrows(TransportException.class, () -> nowhere.services(COMPANY));
        assertEquals(0, error.status());
        assertTrue(error.isTransient());
        assertEquals(RetryPolicy.DEFAULT.maxAttempts() - 1, sleeper.sleeps().size());
    }

    @Test
    void paginationReadsEveryPageLazilyAndStopsOnAShortPage() {
        for (int i = 0; i < 450; i++) {
            sim.data().createRecord(OTHER_COMPANY, 9002, 502, List.of(602L), LocalDateTime.of(2026, 12, 1, 10, 0).plusHours(i));
        }
        sim.clearRequests();
        Pages<Record> pages = client().records(OTHER_COMPANY, RecordQuery.visitsBetween(
                java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2027, 1, 31)));
        assertEquals(0, sim.requestCount(), "nothing is fetched before it is read");
        List<Integer> sizes = new java.util.ArrayList<>();
        pages.forEach(page -> sizes.add(page.size()));
        assertEquals(List.of(200, 200, 50), sizes);
        assertEquals(3, sim.requestCount());
        List<String> pageParams = sim.requests().stream().map(r -> r.query().get("page")).toList();
        assertEquals(List.of("1", "2", "3"), pageParams);
        assertTrue(sim.requests().stream().allMatch(r -> "200".equals(r.query().get("count"))));
    }

    @Test
    void theChangeFeedIncludesCancelledRecordsAndSendsTheOffset() {
        long recordId = sim.data().createRecord(COMPANY, 4001, 55, List.of(301L), LocalDateTime.of(2026, 12, 24, 12, 0));
        OffsetDateTime before = OffsetDateTime.ofInstant(sim.clock().now(), ZoneId.of("Europe/Moscow"));
        sim.clock().advance(Duration.ofMinutes(5));
        sim.data().cancel(COMPANY, recordId);
        sim.clearRequests();
        List<Record> changed = client().records(COMPANY, RecordQuery.changedSince(before)).toList();
        Record cancelled = changed.stream().filter(r -> r.id() == recordId).findFirst().orElseThrow();
        assertTrue(cancelled.isDeleted());
        assertEquals("1", lastRequest().query().get("with_deleted"));
        assertEquals(before.toString().length() > 0, lastRequest().query().get("changed_after").contains("+03:00"));
    }

    @Test
    void theChangeFeedInTheCompanysZoneSendsTheReferencesFormAndTheSimulatorReadsItCompanyLocal() {
        long earlier = sim.data().createRecord(COMPANY, 4001, 55, List.of(301L), LocalDateTime.of(2026, 12, 25, 12, 0));
        sim.clock().advance(Duration.ofMinutes(5));
        OffsetDateTime cursor = sim.clock().now().atOffset(ZoneOffset.UTC);
        sim.clock().advance(Duration.ofMinutes(5));
        long later = sim.data().createRecord(COMPANY, 4002, 55, List.of(301L), LocalDateTime.of(2026, 12, 25, 14, 0));
        sim.clearRequests();
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        List<Long> changed = client().records(COMPANY, RecordQuery.changedSince(cursor).inZone(moscow)).toList()
                .stream().map(Record::id).toList();
        assertTrue(changed.contains(later), changed.toString());
        assertFalse(changed.contains(earlier), changed.toString());
        assertEquals(cursor.atZoneSameInstant(moscow).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")),
                lastRequest().query().get("changed_after"), "company-local, no offset");
    }

    @Test
    void aRecordDecodesWithItsThreeDateFormatsAndMoney() {
        long recordId = sim.data().createRecord(COMPANY, 4001, 55, List.of(301L), LocalDateTime.of(2026, 12, 20, 12, 0));
        sim.data().setServiceCost(COMPANY, recordId, 301, new BigDecimal("1234.50"));
        Record record = client().record(COMPANY, recordId);
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        assertEquals(OffsetDateTime.parse("2026-12-20T12:00:00+03:00"), record.datetime().resolve(moscow));
        assertFalse(record.date().hasOffset());
        assertEquals(record.datetime().toInstant(moscow), record.date().toInstant(moscow));
        assertTrue(record.lastChangeDate().hasOffset());
        assertEquals(0, new BigDecimal("1234.50").compareTo(record.services().getFirst().cost()));
        assertNotNull(record.visitId());
    }

    @Test
    void anItemRepeatedAcrossPagesIsPassedOnAndPaginationStillEnds() {
        for (int i = 0; i < 5; i++) {
            sim.data().createRecord(OTHER_COMPANY, 9002, 502, List.of(602L), LocalDateTime.of(2027, 3, 1, 10, 0).plusHours(i));
        }
        RecordQuery small = RecordQuery.visitsBetween(java.time.LocalDate.of(2027, 3, 1), java.time.LocalDate.of(2027, 3, 2)).pageSize(2);
        assertEquals(5, client().records(OTHER_COMPANY, small).toList().size());
        sim.faults().on("/records").next(Fault.duplicatePageItems());
        sim.faults().on("/records").next(Fault.duplicatePageItems());
        List<Record> withRepeats = client().records(OTHER_COMPANY, small).toList();
        assertTrue(withRepeats.size() >= 5, "nothing is lost: " + withRepeats.size());
        assertEquals(5, withRepeats.stream().map(Record::id).distinct().count());
    }

    @Test
    void obtainsAUserTokenWithLoginAndPassword() {
        YClientsClient partnerOnly = builder(Credentials.partnerOnly(SimulatorDefaults.PARTNER_TOKEN)).build();
        String token = partnerOnly.authenticate(SimulatorDefaults.LOGIN, SimulatorDefaults.PASSWORD.toCharArray()).userToken();
        assertEquals(SimulatorDefaults.USER_TOKEN, token);
        assertEquals("POST", lastRequest().method());
        assertEquals("Bearer " + SimulatorDefaults.PARTNER_TOKEN, lastRequest().header("Authorization").orElseThrow());

        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> partnerOnly.authenticate(SimulatorDefaults.LOGIN, "wrong".toCharArray()));
        assertEquals(Credential.LOGIN, wrong.credential());
        assertFalse(wrong.getMessage().contains("wrong"));

        sim.requireTwoFactor(SimulatorDefaults.LOGIN, true);
        try {
            assertThrows(TwoFactorRequiredException.class,
                    () -> partnerOnly.authenticate(SimulatorDefaults.LOGIN, SimulatorDefaults.PASSWORD.toCharArray()));
        } finally {
            sim.requireTwoFactor(SimulatorDefaults.LOGIN, false);
        }
    }

    @Test
    void findsClientsByAnyPhoneFormat() {
        sim.data().addClient(COMPANY, 777001, "Vera", "+7 916 555-12-34");
        List<io.ycbridge.yclients.model.Client> found = client().clientsByPhone(COMPANY, "+7 (916) 555 12 34").toList();
        assertEquals(List.of(777001L), found.stream().map(io.ycbridge.yclients.model.Client::id).toList());
        assertEquals("Vera", found.getFirst().name(), "names come back only when asked for in fields");
        assertTrue(lastRequest().body().contains("79165551234"));
    }

    @Test
    void readsAndWritesTheWebhookSettings() {
        String url = "https://abc.execute-api.eu-central-1.amazonaws.com/v1/yclients/webhook/s3cr3t-webhook-token";
        String otherIntegration = "https://crm.example.test/hooks/yclients";
        client().updateHookSettings(COMPANY, new HookSettings(JsonNodeFactory.instance.objectNode()).withRecordsTo(otherIntegration));
        HookSettings before = client().hookSettings(COMPANY);
        assertFalse(before.deliversRecordsTo(url));
        HookSettings written = client().updateHookSettings(COMPANY, before.withRecordsTo(url));
        assertTrue(written.deliversRecordsTo(url));
        HookSettings after = client().hookSettings(COMPANY);
        assertTrue(after.deliversRecordsTo(url));
        assertTrue(after.urls().contains(otherIntegration), "another integration's URL is kept");
        assertEquals(after, after.withRecordsTo(url), "adding the same URL again changes nothing");
        assertFalse(written.toString().contains("s3cr3t-webhook-token"), written.toString());
    }

    @Test
    void aRefreshedTokenIsPickedUpByTheSameClient() {
        AtomicReference<Credentials> current = new AtomicReference<>(new Credentials(SimulatorDefaults.PARTNER_TOKEN, "stale-user-token"));
        YClientsClient client = builder(current.get()).credentials(current::get).build();
        assertThrows(AuthenticationException.class, () -> client.staff(COMPANY));
        current.set(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN));
        assertFalse(client.staff(COMPANY).isEmpty());
    }

    @Test
    void theBuiltInRateLimiterSpacesRequests() {
        YClientsClient limited = YClientsClient.builder().baseUri(sim.baseUri())
                .credentials(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .clock(clock).sleeper(sleeper).build();
        for (int i = 0; i < 15; i++) {
            limited.company(COMPANY);
        }
        assertEquals(2_000, sleeper.slept().toMillis(), 10);
    }

    @Test
    void theObserverSeesEveryAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        YClientsClient observed = builder(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .observer((method, path, status, took, attempt) -> attempts.incrementAndGet()).build();
        sim.faults().next(Fault.serverError());
        observed.staff(COMPANY);
        assertEquals(2, attempts.get());
    }

    @Test
    void noTokenAppearsInAnyExceptionText() {
        String partner = "partner-token-SECRET-1234567";
        String user = "user-token-SECRET-7654321";
        sim.acceptPartnerToken(partner);
        YClientsClient client = builder(new Credentials(partner, user)).build();
        List<Fault> faults = List.of(Fault.status(401, "Не указан идентификатор партнера"), Fault.status(403, "Нет прав"),
                Fault.status(404, "Не найдено"), Fault.serverError(), Fault.htmlRedirect(), Fault.successFalse("x"));
        for (Fault fault : faults) {
            sim.faults().clear();
            sim.faults().always(fault);
            YClientsException error = assertThrows(YClientsException.class, () -> client.services(COMPANY));
            String text = error.toString() + error.getMessage() + String.valueOf(error.getCause());
            assertFalse(text.contains("SECRET"), text);
        }
        sim.faults().clear();
        YClientsException unknownUser = assertThrows(YClientsException.class, () -> client.services(COMPANY));
        assertFalse(unknownUser.getMessage().contains("SECRET"), unknownUser.getMessage());
    }
}

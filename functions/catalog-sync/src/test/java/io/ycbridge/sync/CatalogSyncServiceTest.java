package io.ycbridge.sync;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_BRANCH_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.KindCounts;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.UpsertOutcome;
import io.ycbridge.simulator.Fault;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.model.Record;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class CatalogSyncServiceTest {
    private static final Instant NO_DEADLINE = Instant.parse("2100-01-01T00:00:00Z");
    private static final List<Long> COMPANIES = List.of(DEMO_SALON_ID, DEMO_BRANCH_ID);
    private final DynamoDbClient dynamoDb;
    private SyncFixture fixture;
    private CatalogSyncService service;

    CatalogSyncServiceTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void start() {
        fixture = new SyncFixture(dynamoDb);
        // The catalog read every run, so each test sees its catalog changes at once; the default is tested below.
        service = fixture.service(SyncSettings.DEFAULT.withCatalogInterval(Duration.ZERO));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static SyncSummary syncAll(CatalogSyncService service) {
        return service.syncAll(COMPANIES, NO_DEADLINE);
    }

    @Test
    void theFirstSyncCreatesTheWholeCatalogAndEveryRecord() {
        SyncSummary summary = syncAll(service);

        CompanySync salon = summary.company(DEMO_SALON_ID);
        assertEquals(SyncOutcome.OK, salon.outcome(), salon.error());
        assertEquals(new KindCounts(5, 0, 0, 0), salon.catalog(CatalogKind.SERVICE));
        assertEquals(new KindCounts(3, 0, 0, 0), salon.catalog(CatalogKind.CATEGORY));
        assertEquals(new KindCounts(3, 0, 0, 0), salon.catalog(CatalogKind.STAFF));
        assertEquals(fixture.sim.data().recordCount(DEMO_SALON_ID), salon.records().created(), "cancelled records included");
        assertEquals(fixture.sim.data().recordCount(DEMO_BRANCH_ID), summary.company(DEMO_BRANCH_ID).records().created());
        assertEquals(fixture.sim.clock().now(), salon.cursor());
        assertEquals(5, salon.apiRequests(), "company (zone), services, categories, staff, and one records page: a short first page "
                + "of the whole 30 days holds them all, so no 7-day slice is read");
        assertTrue(fixture.records.get(DEMO_SALON_ID, 9004).orElseThrow().deleted());
    }

    /**
     * A Ukrainian salon: its admins type clients' numbers the domestic way. The sync learns the country from the
     * company object, remembers it for webhook intake, and stores +380; the Russian salon's numbers stay +7.
     */
    @Test
    void aForeignCompanysDomesticNumbersAreReadInItsOwnCountry() {
        long kyiv = 777_001;
        fixture.sim.data().addCompany(kyiv, "Kyiv Salon", "Europe/Kyiv", 0, "Україна", "Київ", "");
        fixture.sim.data().addCategory(kyiv, 7001, "Hair");
        fixture.sim.data().addService(kyiv, 7101, 7001, "Haircut", new java.math.BigDecimal("600"), 3600);
        fixture.sim.data().addStaff(kyiv, 7201, "Iryna", "Barber");
        fixture.sim.data().addClient(kyiv, 7301, "Petro", "067 111-22-33");
        fixture.sim.data().addClient(kyiv, 7302, "Guest", "+44 20 7946 0958");
        long domestic = fixture.sim.data().createRecord(kyiv, 7301, 7201, List.of(7101L), java.time.LocalDateTime.of(2026, 11, 21, 10, 0));
        long foreign = fixture.sim.data().createRecord(kyiv, 7302, 7201, List.of(7101L), java.time.LocalDateTime.of(2026, 11, 21, 12, 0));

        CompanySync result = service.sync(kyiv, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, result.outcome(), String.valueOf(result.error()));
        assertEquals("+380671112233", fixture.records.get(kyiv, domestic).orElseThrow().clientPhone().e164());
        assertEquals("+442079460958", fixture.records.get(kyiv, foreign).orElseThrow().clientPhone().e164());
        assertEquals(Optional.of("UA"), fixture.states.get(kyiv).phoneRegion());
        assertTrue(fixture.logs.all().contains("\"phone-region-learned\""), "one decision line says what was learned");
        assertTrue(!fixture.logs.all().contains("671112233"), "no phone number in the logs");

        service.sync(DEMO_SALON_ID, NO_DEADLINE);
        assertEquals(Optional.of("RU"), fixture.states.get(DEMO_SALON_ID).phoneRegion());
        assertEquals("+79161234567", fixture.records.get(DEMO_SALON_ID, 9007).orElseThrow().clientPhone().e164(),
                "the domestic 89161234567 of the Russian salon");
    }

    /** No country in the company's data: remembered as none (no API call per run), the default region reads its numbers. */
    @Test
    void aCompanyWithoutACountryIsReadInTheDefaultRegionAndNotAskedAgain() {
        long unnamed = 777_002;
        fixture.sim.data().addCompany(unnamed, "No Country", "Europe/Moscow");
        fixture.sim.data().addCategory(unnamed, 7001, "Hair");
        fixture.sim.data().addService(unnamed, 7101, 7001, "Haircut", new java.math.BigDecimal("600"), 3600);
        fixture.sim.data().addStaff(unnamed, 7201, "Irina", "Barber");
        fixture.sim.data().addClient(unnamed, 7301, "Pyotr", "8 916 123-45-67");
        long record = fixture.sim.data().createRecord(unnamed, 7301, 7201, List.of(7101L), java.time.LocalDateTime.of(2026, 11, 21, 10, 0));

        service.sync(unnamed, NO_DEADLINE);
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        CompanySync second = service.sync(unnamed, NO_DEADLINE);

        assertEquals(Optional.of(SyncStateStore.NO_REGION), fixture.states.get(unnamed).phoneRegion());
        assertEquals("+79161234567", fixture.records.get(unnamed, record).orElseThrow().clientPhone().e164());
        assertEquals(4, second.apiRequests(), "zone and region are remembered: three catalog lists and one records page");
    }

    @Test
    void aSecondSyncWithNoChangesWritesNothing() {
        fixture.sim.data().markConfirmed(DEMO_SALON_ID, 9001); // changed just now: the next run's overlap reads it again
        syncAll(service);
        fixture.sim.clock().advance(Duration.ofMinutes(30));

        SyncSummary again = syncAll(service);

        assertEquals(0, again.writes());
        CompanySync salon = again.company(DEMO_SALON_ID);
        assertEquals(new KindCounts(0, 0, 0, 5), salon.catalog(CatalogKind.SERVICE));
        assertEquals(0, salon.records().stored());
        assertEquals(new RecordCounts(1, 0, 0, 1, 0), salon.records(), "the overlap re-read one record, already stored");
        assertEquals(4, salon.apiRequests(), "the zone is remembered: three catalog lists and one records page");
        assertEquals(fixture.sim.clock().now(), salon.cursor());
    }

    @Test
    void aRenamedServiceARemovedMasterAndANewCategoryAreExactlyThoseChanges() {
        syncAll(service);
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        fixture.sim.data().renameService(DEMO_SALON_ID, 302, "Стрижка мужская + борода");
        fixture.sim.data().removeStaff(DEMO_SALON_ID, 56);
        fixture.sim.data().addCategory(DEMO_SALON_ID, 1004, "Брови");

        SyncSummary summary = syncAll(service);

        CompanySync salon = summary.company(DEMO_SALON_ID);
        assertEquals(new KindCounts(0, 1, 0, 4), salon.catalog(CatalogKind.SERVICE));
        assertEquals(new KindCounts(0, 0, 1, 2), salon.catalog(CatalogKind.STAFF));
        assertEquals(new KindCounts(1, 0, 0, 3), salon.catalog(CatalogKind.CATEGORY));
        assertEquals(3, summary.writes(), "nothing else is written, in either company");
        assertTrue(fixture.catalog.items(DEMO_SALON_ID, CatalogKind.STAFF).stream().filter(item -> item.id() == 56).findFirst()
                .orElseThrow().deleted(), "the removed master is kept, marked deleted");
    }

    @Test
    void recordsChangedWhileTheApiFailedArePickedUpByTheNextRun() {
        CompanySync first = service.sync(DEMO_SALON_ID, NO_DEADLINE);
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        fixture.sim.data().cancel(DEMO_SALON_ID, 9001);
        fixture.sim.faults().on("/records").always(Fault.serverError());

        CompanySync failed = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(SyncOutcome.FAILED, failed.outcome());
        assertTrue(failed.error().contains("503"), failed.error());
        assertEquals(first.cursor(), failed.cursor());
        assertEquals(Optional.of(first.cursor()), fixture.states.get(DEMO_SALON_ID).cursor(), "the cursor stayed");
        assertEquals(new KindCounts(0, 0, 0, 5), failed.catalog(CatalogKind.SERVICE), "the catalog still synced");
        assertTrue(fixture.states.get(DEMO_SALON_ID).lastError().orElseThrow().contains("503"));

        fixture.sim.faults().clear();
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        CompanySync next = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, next.outcome());
        assertEquals(1, next.records().updated());
        assertTrue(fixture.records.get(DEMO_SALON_ID, 9001).orElseThrow().deleted());
        assertEquals(Optional.empty(), fixture.states.get(DEMO_SALON_ID).lastError());
    }

    @Test
    void aRefusedPartnerIdStopsOneCompanyAndTheOtherStillSyncs() {
        fixture.sim.faults().on("/company/" + DEMO_SALON_ID).always(Fault.status(401, "Не указан идентификатор партнера"));

        SyncSummary summary = syncAll(service);

        CompanySync salon = summary.company(DEMO_SALON_ID);
        assertEquals(SyncOutcome.REFUSED, salon.outcome());
        assertTrue(salon.error().contains("идентификатор партнера"), salon.error());
        assertTrue(salon.error().contains("set partnerToken in the secret"), "the fix is named: " + salon.error());
        assertEquals(0, salon.writes());
        assertNull(salon.cursor());
        String refusal = fixture.logs.lines().stream().filter(line -> line.contains("\"SyncRefused\"")).findFirst().orElseThrow();
        // SyncRefusedAlarm watches Function=catalog-sync alone, which sees any company's refusal.
        assertTrue(refusal.contains("\"Dimensions\":[[\"Function\"],[\"Function\",\"Company\"]]")
                && refusal.contains("\"Function\":\"catalog-sync\"") && refusal.contains("\"Company\":\"" + DEMO_SALON_ID + "\""), refusal);

        CompanySync branch = summary.company(DEMO_BRANCH_ID);
        assertEquals(SyncOutcome.OK, branch.outcome());
        assertEquals(fixture.sim.data().recordCount(DEMO_BRANCH_ID), branch.records().created());
    }

    @Test
    void aLapsedLicenceIsARefusalWithItsOwnFixAndIsNotRetried() {
        fixture.sim.faults().on("/company/" + DEMO_SALON_ID).always(Fault.status(403, "Необходимо продлить лицензию"));

        CompanySync salon = syncAll(service).company(DEMO_SALON_ID);

        assertEquals(SyncOutcome.REFUSED, salon.outcome(), "retrying cannot renew a licence");
        assertTrue(salon.error().contains("licence has lapsed") && !salon.error().contains("Settings → Users"), salon.error());
        assertEquals(salon.error(), fixture.states.get(DEMO_SALON_ID).lastError().orElseThrow());
    }

    @Test
    void aRunOutOfTimeSavesFinishedSlicesAndTheNextRunContinues() {
        // More history than one page holds (450 records over 90 days), so the window is read in daily slices.
        fixture.sim.seed(io.ycbridge.simulator.SimulatorSeed.large(1, 5, 2, 450, 7));
        long company = 500_001L;
        SyncSettings daily = new SyncSettings(Duration.ofDays(120), Duration.ofMinutes(5), Duration.ofDays(1), ZoneId.of("Europe/Moscow"));
        // A clock that moves an hour at every reading: the deadline passes after a few slices.
        Clock ticking = new Clock() {
            private Instant now = fixture.sim.clock().now();

            @Override
            public synchronized Instant instant() {
                Instant current = now;
                now = now.plus(Duration.ofHours(1));
                return current;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        Instant start = fixture.sim.clock().now();

        CompanySync cut = fixture.service(daily, ticking).sync(company, start.plus(Duration.ofHours(6)));

        assertEquals(SyncOutcome.PARTIAL, cut.outcome());
        Instant saved = fixture.states.get(company).cursor().orElseThrow();
        assertTrue(saved.isAfter(start.minus(Duration.ofDays(120))) && saved.isBefore(start.minus(Duration.ofDays(110))),
                "only finished slices count: " + saved);
        SyncState.Backfill history = fixture.states.get(company).backfill().orElseThrow();
        assertEquals(start.minus(Duration.ofDays(120)), history.from());
        double done = history.done(Optional.of(saved));
        assertTrue(done > 0 && done < 0.1, "a few daily slices of 120: " + done);
        assertTrue(fixture.logs.lines().stream().anyMatch(line -> line.contains("\"backfill-progress\"") && line.contains("\"percent\"")));

        CompanySync rest = fixture.service(daily).sync(company, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, rest.outcome());
        assertEquals(fixture.sim.data().recordCount(company), cut.records().created() + rest.records().created());
        assertEquals(start, rest.cursor());
    }

    @Test
    void byDefaultTheCatalogIsReadOnceInTwoHoursAndRecordsEveryRun() {
        CatalogSyncService service = fixture.service(SyncSettings.DEFAULT);
        assertEquals(5, service.sync(DEMO_SALON_ID, NO_DEADLINE).apiRequests(), "the first run reads the catalog");

        int catalogReads = 0;
        for (int run = 0; run < 8; run++) {
            fixture.sim.clock().advance(Duration.ofMinutes(30));
            CompanySync result = service.sync(DEMO_SALON_ID, NO_DEADLINE);
            assertEquals(result.catalog().isEmpty() ? 1 : 4, result.apiRequests());
            catalogReads += result.catalog().isEmpty() ? 0 : 1;
        }
        assertEquals(2, catalogReads, "four hours, read every two");
    }

    @Test
    void aRecordNamingAServiceTheCatalogLacksReadsTheCatalogAtOnceButNotAgainWithinTheGap() {
        CatalogSyncService daily = fixture.service(SyncSettings.DEFAULT.withCatalogInterval(Duration.ofDays(1)));
        daily.sync(DEMO_SALON_ID, NO_DEADLINE);
        fixture.sim.clock().advance(CatalogSyncService.ON_DEMAND_GAP.plusMinutes(1));
        fixture.sim.data().addService(DEMO_SALON_ID, 3999, 1001, "Новая услуга", new java.math.BigDecimal("1500"), 3600);
        fixture.sim.data().createRecord(DEMO_SALON_ID, 4001, 55, List.of(3999L), java.time.LocalDateTime.of(2026, 11, 25, 10, 0));

        CompanySync named = daily.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(1, named.records().created());
        assertEquals(1, named.catalog(CatalogKind.SERVICE).created(), "the new service is in the catalog in the same run");
        assertTrue(fixture.logs.lines().stream().anyMatch(line -> line.contains("\"catalog-on-demand\"")));

        fixture.sim.clock().advance(Duration.ofMinutes(30));
        // Added and removed again before any catalog read: the record names a service the list never shows.
        fixture.sim.data().addService(DEMO_SALON_ID, 3998, 1001, "Снятая услуга", new java.math.BigDecimal("900"), 1800);
        fixture.sim.data().createRecord(DEMO_SALON_ID, 4002, 55, List.of(3998L), java.time.LocalDateTime.of(2026, 11, 25, 12, 0));
        fixture.sim.data().removeService(DEMO_SALON_ID, 3998);
        CompanySync unknownForGood = daily.sync(DEMO_SALON_ID, NO_DEADLINE);
        assertEquals(1, unknownForGood.records().created());
        assertTrue(unknownForGood.catalog().isEmpty(), "read an hour ago: a service the API never lists costs no read every run");
    }

    @Test
    void aRecordNamingOnlyKnownServicesReadsNoCatalog() {
        CatalogSyncService daily = fixture.service(SyncSettings.DEFAULT.withCatalogInterval(Duration.ofDays(1)));
        daily.sync(DEMO_SALON_ID, NO_DEADLINE);
        fixture.sim.clock().advance(Duration.ofHours(3));
        fixture.sim.data().createRecord(DEMO_SALON_ID, 4001, 55, List.of(fixture.sim.data().recordJson(DEMO_SALON_ID,
                fixture.sim.data().recordIds(DEMO_SALON_ID).getFirst()).orElseThrow().path("services").path(0).path("id").asLong()),
                java.time.LocalDateTime.of(2026, 11, 25, 10, 0));

        CompanySync run = daily.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(1, run.records().created());
        assertTrue(run.catalog().isEmpty());
        assertEquals(1, run.apiRequests(), "one records page");
    }

    @Test
    void companiesShareOutTheirCatalogReadsOverTheRuns() {
        SyncSettings settings = SyncSettings.DEFAULT;
        Instant last = Instant.parse("2026-11-20T09:00:00Z");
        Instant next = last.plus(Duration.ofMinutes(30));
        long due = java.util.stream.LongStream.rangeClosed(1, 1000).filter(id -> settings.catalogDue(id, last, next)).count();
        assertTrue(due > 150 && due < 350, "about a quarter each run: " + due);
    }

    @Test
    void anOnDemandBackfillStoresTheWindowAndLeavesTheCursor() {
        CompanySync backfill = service.backfill(DEMO_SALON_ID, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-18T00:00:00Z"), NO_DEADLINE);

        assertEquals(SyncOutcome.OK, backfill.outcome());
        assertTrue(backfill.records().created() > 0 && backfill.records().created() < fixture.sim.data().recordCount(DEMO_SALON_ID));
        assertTrue(backfill.catalog().isEmpty(), "a back-fill reads records only");
        assertEquals(Optional.empty(), fixture.states.get(DEMO_SALON_ID).cursor());
    }

    // ---- re-reads the webhook asked for (issue 21, cases 5 and 6) ---------------------------------------------------

    @Test
    void aMarkedRecordIsReReadAndTheApisVersionOfTheSameSecondReplacesTheStoredOne() throws Exception {
        service.sync(DEMO_SALON_ID, NO_DEADLINE);
        StoredRecord api = fixture.records.get(DEMO_SALON_ID, 9002).orElseThrow();
        // The webhook stored the other of two versions of one second and could not ask the API which is current.
        StoredRecord otherOfTheSameSecond = fromSimulator(9002, json -> json.put("paid_full", api.paidFull() ? 0 : 1));
        assertEquals(api.changedAt(), otherOfTheSameSecond.changedAt());
        assertEquals(UpsertOutcome.UPDATED, fixture.records.upsertFromApi(otherOfTheSameSecond));
        fixture.states.markForReread(DEMO_SALON_ID, 9002);
        long revision = revision(9002);
        fixture.sim.clock().advance(Duration.ofMinutes(30));

        CompanySync next = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, next.outcome(), next.error());
        assertEquals(new RecordCounts.Rereads(1, 0, 0, 0), next.records().rereads());
        assertEquals(1, next.records().updated(), "the window had nothing; the re-read wrote the API's version");
        assertEquals(api, fixture.records.get(DEMO_SALON_ID, 9002).orElseThrow());
        assertEquals(revision + 1, revision(9002));
        assertEquals(Set.of(), fixture.states.rereads(DEMO_SALON_ID), "settled: the mark is cleared");
    }

    @Test
    void aReReadThatCannotBeStoredKeepsItsMark() throws Exception {
        service.sync(DEMO_SALON_ID, NO_DEADLINE);
        StoredRecord api = fixture.records.get(DEMO_SALON_ID, 9002).orElseThrow();
        // The webhook stored the other version of the same second, so the re-read has something to write.
        fixture.records.upsertFromApi(fromSimulator(9002, json -> json.put("paid_full", api.paidFull() ? 0 : 1)));
        fixture.states.markForReread(DEMO_SALON_ID, 9002);
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        DynamoDbClient failingWrites = (DynamoDbClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && args[0] instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest
                            update && update.tableName().equals(fixture.recordsTable)) {
                        throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder().message("injected").build();
                    }
                    try {
                        return method.invoke(dynamoDb, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CatalogSyncService storageDown = fixture.service(SyncSettings.DEFAULT, fixture.sim.clock(),
                new io.ycbridge.record.RecordStore(failingWrites, fixture.recordsTable));

        CompanySync failed = storageDown.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(SyncOutcome.FAILED, failed.outcome(), "the storage failure fails the run");
        assertEquals(Set.of(9002L), fixture.states.rereads(DEMO_SALON_ID), "not stored, so still marked");
        assertEquals(new RecordCounts.Rereads(1, 0, 0, 0), service.sync(DEMO_SALON_ID, NO_DEADLINE).records().rereads(), "the next run settles it");
        assertEquals(api, fixture.records.get(DEMO_SALON_ID, 9002).orElseThrow());
    }

    @Test
    void whileTheApiCannotAnswerTheMarksStayForTheNextRun() {
        service.sync(DEMO_SALON_ID, NO_DEADLINE);
        fixture.states.markForReread(DEMO_SALON_ID, 9002);
        fixture.states.markForReread(DEMO_SALON_ID, 9003);
        fixture.sim.faults().on("/record/").always(Fault.serverError());
        fixture.sim.clock().advance(Duration.ofMinutes(30));

        CompanySync down = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, down.outcome(), "the window synced; the re-reads wait");
        assertEquals(new RecordCounts.Rereads(0, 0, 1, 2), down.records().rereads(), "one failure stops the re-reads of this run");
        assertEquals(Set.of(9002L, 9003L), fixture.states.rereads(DEMO_SALON_ID));
        assertTrue(fixture.logs.all().contains("reread-failed"));

        fixture.sim.faults().clear();
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        CompanySync back = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(new RecordCounts.Rereads(2, 0, 0, 0), back.records().rereads());
        assertEquals(0, back.writes(), "the records had not changed");
        assertEquals(Set.of(), fixture.states.rereads(DEMO_SALON_ID));
    }

    @Test
    void aRecordTheApiDoesNotShowLosesItsMark() {
        fixture.states.markForReread(DEMO_SALON_ID, 99_999);

        CompanySync result = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(SyncOutcome.OK, result.outcome());
        assertEquals(new RecordCounts.Rereads(0, 1, 0, 0), result.records().rereads());
        assertEquals(Set.of(), fixture.states.rereads(DEMO_SALON_ID));
        assertTrue(fixture.logs.all().contains("reread-not-found"));
        assertTrue(fixture.records.get(DEMO_SALON_ID, 99_999).isEmpty());
    }

    @Test
    void aPlaceholderOfADeleteWithoutDataIsReplacedByTheSyncsOlderRealDeletedRecord() {
        // A delete delivered without data while the API was down, for a record never stored: dated at arrival.
        Instant arrival = fixture.sim.clock().now();
        assertEquals(UpsertOutcome.CREATED, fixture.records.upsertPlaceholder(deletedPlaceholder(9004, arrival)));
        fixture.states.markForReread(DEMO_SALON_ID, 9004);

        CompanySync first = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        StoredRecord stored = fixture.records.get(DEMO_SALON_ID, 9004).orElseThrow();
        assertTrue(stored.deleted());
        assertFalse(stored.incomplete());
        assertEquals(Instant.parse("2026-11-17T16:00:00Z"), stored.changedAt(), "older than the placeholder, and stored");
        assertEquals(new RecordCounts.Rereads(1, 0, 0, 0), first.records().rereads(), "the re-read found it settled by the window");
        assertEquals(Set.of(), fixture.states.rereads(DEMO_SALON_ID));
    }

    @Test
    void aPlaceholderOutsideTheWindowIsReplacedByTheReRead() {
        service.sync(DEMO_SALON_ID, NO_DEADLINE);
        // As if the sync had never stored 9004: its deletion (Nov 17) lies before the next window.
        dynamoDb.deleteItem(delete -> delete.tableName(fixture.recordsTable).key(RecordItem.key(DEMO_SALON_ID, 9004)));
        fixture.sim.clock().advance(Duration.ofMinutes(30));
        fixture.records.upsertPlaceholder(deletedPlaceholder(9004, fixture.sim.clock().now()));
        fixture.states.markForReread(DEMO_SALON_ID, 9004);

        CompanySync next = service.sync(DEMO_SALON_ID, NO_DEADLINE);

        assertEquals(new RecordCounts.Rereads(1, 0, 0, 0), next.records().rereads());
        assertEquals(1, next.records().updated());
        StoredRecord stored = fixture.records.get(DEMO_SALON_ID, 9004).orElseThrow();
        assertTrue(stored.deleted() && !stored.incomplete());
        assertEquals(Instant.parse("2026-11-17T16:00:00Z"), stored.changedAt());
        assertEquals(2, revision(9004));
    }

    @Test
    void aRunReReadsAtMostItsBoundAndTheNextRunTheRest() {
        int marked = CatalogSyncService.REREADS_PER_RUN + 5;
        for (int i = 0; i < marked; i++) {
            fixture.states.markForReread(DEMO_SALON_ID, 100_000 + i); // unknown to the API: each read is one 404
        }

        CompanySync first = service.sync(DEMO_SALON_ID, NO_DEADLINE);
        assertEquals(new RecordCounts.Rereads(0, CatalogSyncService.REREADS_PER_RUN, 0, 5), first.records().rereads());
        assertEquals(Set.of(100_200L, 100_201L, 100_202L, 100_203L, 100_204L), fixture.states.rereads(DEMO_SALON_ID),
                "the lowest ids first");

        fixture.sim.clock().advance(Duration.ofMinutes(30));
        CompanySync second = service.sync(DEMO_SALON_ID, NO_DEADLINE);
        assertEquals(new RecordCounts.Rereads(0, 5, 0, 0), second.records().rereads());
        assertEquals(Set.of(), fixture.states.rereads(DEMO_SALON_ID));
    }

    private StoredRecord fromSimulator(long recordId, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode json = fixture.sim.data().recordJson(DEMO_SALON_ID, recordId).orElseThrow().deepCopy();
        change.accept(json);
        return RecordNormalizer.russia().normalize(DEMO_SALON_ID, ApiJson.mapper().treeToValue(json, Record.class),
                ZoneId.of("Europe/Moscow"), RecordSource.WEBHOOK);
    }

    private static StoredRecord deletedPlaceholder(long recordId, Instant arrival) {
        return new StoredRecord(DEMO_SALON_ID, recordId, arrival, true, null, null, null, 0, false, List.of(), null, null, null, true,
                RecordSource.WEBHOOK);
    }

    private long revision(long recordId) {
        return RecordItem.revision(dynamoDb.getItem(get -> get.tableName(fixture.recordsTable).consistentRead(true)
                .key(RecordItem.key(DEMO_SALON_ID, recordId))).item());
    }
}

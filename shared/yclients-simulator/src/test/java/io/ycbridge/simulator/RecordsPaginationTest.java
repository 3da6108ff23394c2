package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change feed: pages, clamping, with_deleted, date and change-time filters, and the unreliable total. */
class RecordsPaginationTest {
    private static final long COMPANY = 777;
    private YClientsSimulator sim;
    private Api api;

    @BeforeEach
    void start() {
        sim = YClientsSimulator.start();
        SimulatorData d = sim.data();
        d.addCompany(COMPANY, "Paging Salon", "Europe/Moscow");
        d.addCategory(COMPANY, 1, "Hair");
        d.addService(COMPANY, 10, 1, "Cut", new BigDecimal("1000"), 3600);
        d.addStaff(COMPANY, 20, "Master", "Stylist");
        d.addClient(COMPANY, 30, "Client", "+79990001122");
        api = Api.of(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<Long> create(int count, LocalDateTime first) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sim.data().createRecord(COMPANY, 30, 20, List.of(10L), first.plusHours(i)));
        }
        return ids;
    }

    private static List<Long> ids(Api.Answer answer) {
        List<Long> ids = new ArrayList<>();
        answer.data().forEach(record -> ids.add(record.path("id").asLong()));
        return ids;
    }

    @Test
    void readsThreePagesEndingWithAShortOneInIdOrder() {
        List<Long> created = create(450, LocalDateTime.of(2026, 12, 1, 0, 0));
        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            Api.Answer answer = api.get("/records/" + COMPANY + "?page=" + page + "&count=200");
            assertEquals(200, answer.status());
            assertEquals(page, answer.json().path("meta").path("page").asInt());
            sizes.add(answer.data().size());
            seen.addAll(ids(answer));
        }
        assertEquals(List.of(200, 200, 50, 0), sizes);
        assertEquals(created, seen, "every record once, ascending by id");
    }

    @Test
    void totalCountIsDeliberatelyAPageShortWhenThereIsMoreThanOnePage() {
        create(450, LocalDateTime.of(2026, 12, 1, 0, 0));
        assertEquals(250, api.get("/records/" + COMPANY + "?count=200").json().path("meta").path("total_count").asInt());
        assertEquals(450, api.get("/records/" + COMPANY + "?count=500").json().path("meta").path("total_count").asInt() + 200,
                "count is clamped to 200 before the total is computed");
        Api.Answer onePage = api.get("/records/" + COMPANY + "?count=200&start_date=2026-12-01&end_date=2026-12-02");
        assertEquals(48, onePage.data().size());
        assertEquals(48, onePage.json().path("meta").path("total_count").asInt(), "a single page reports the truth");
    }

    @Test
    void countDefaultsTo25AndClampsTo200() {
        create(230, LocalDateTime.of(2026, 12, 1, 0, 0));
        assertEquals(25, api.get("/records/" + COMPANY).data().size());
        assertEquals(200, api.get("/records/" + COMPANY + "?count=1000").data().size());
        assertEquals(25, api.get("/records/" + COMPANY + "?count=abc&page=0").data().size(), "junk falls back like PHP's intval");
        assertEquals(30, api.get("/records/" + COMPANY + "?count=200&page=2").data().size());
    }

    @Test
    void deletedRecordsOnlyWithWithDeleted() {
        List<Long> ids = create(5, LocalDateTime.of(2026, 12, 1, 10, 0));
        sim.data().cancel(COMPANY, ids.get(1));
        sim.data().cancel(COMPANY, ids.get(3));
        Api.Answer live = api.get("/records/" + COMPANY);
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(4)), ids(live));
        Api.Answer all = api.get("/records/" + COMPANY + "?with_deleted=1");
        assertEquals(ids, ids(all));
        assertTrue(all.data().get(1).path("deleted").asBoolean());
        assertFalse(all.data().get(0).path("deleted").asBoolean());
    }

    @Test
    void changedAfterTakesBothOffsetNotationsAndIsInclusive() {
        List<Long> old = create(3, LocalDateTime.of(2026, 12, 1, 10, 0));
        sim.clock().advance(Duration.ofHours(1));
        // 10:00Z is 13:00 in Moscow: the cursor a client would keep after reading the first three.
        List<Long> fresh = create(2, LocalDateTime.of(2026, 12, 2, 10, 0));
        sim.clock().advance(Duration.ofMinutes(5));
        sim.data().completeVisit(COMPANY, old.get(0), true);

        for (String cursor : new String[] {"2026-11-20T13:00:00+03:00", "2026-11-20T13:00:00+0300", "2026-11-20T10:00:00Z",
                "2026-11-20T13:00:00", "2026-11-20 13:00:00"}) {
            Api.Answer answer = api.get("/records/" + COMPANY + "?changed_after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            assertEquals(200, answer.status(), cursor);
            assertEquals(List.of(old.get(0), fresh.get(0), fresh.get(1)), ids(answer), cursor);
        }
        Api.Answer before = api.get("/records/" + COMPANY + "?changed_before=" + URLEncoder.encode("2026-11-20T12:59:59+03:00", StandardCharsets.UTF_8));
        assertEquals(List.of(old.get(1), old.get(2)), ids(before));
        Api.Answer window = api.get("/records/" + COMPANY + "?changed_after=2026-11-20T10:00:00Z&changed_before=2026-11-20T10:00:00Z");
        assertEquals(fresh, ids(window), "both bounds are inclusive");
    }

    @Test
    void anUnencodedPlusInTheOffsetIsRefusedNotGuessed() {
        create(1, LocalDateTime.of(2026, 12, 1, 10, 0));
        Api.Answer answer = api.get("/records/" + COMPANY + "?changed_after=2026-11-20T13:00:00+03:00");
        assertEquals(400, answer.status());
        assertEquals("Неверное значение параметра changed_after", answer.message());
        assertEquals("2026-11-20T13:00:00 03:00", sim.requests().getLast().query().get("changed_after"));
    }

    @Test
    void visitDatesAreTheCompanysLocalDates() {
        SimulatorData d = sim.data();
        d.addCompany(778, "Far East", "Asia/Vladivostok");
        d.addCategory(778, 1, "Hair");
        d.addService(778, 11, 1, "Cut", new BigDecimal("1000"), 3600);
        d.addStaff(778, 21, "Master", "Stylist");
        long early = d.createRecord(778, 0, 21, List.of(11L), LocalDateTime.of(2026, 12, 2, 0, 30));
        long late = d.createRecord(778, 0, 21, List.of(11L), LocalDateTime.of(2026, 12, 1, 23, 30));
        assertEquals(List.of(early), ids(api.get("/records/778?start_date=2026-12-02&end_date=2026-12-02")),
                "00:30 on the 2nd in Vladivostok is the 1st in UTC, yet it is the 2nd's visit");
        assertEquals(List.of(late), ids(api.get("/records/778?start_date=2026-12-01&end_date=2026-12-01")));
        assertEquals(400, api.get("/records/778?start_date=01.12.2026").status());
    }

    @Test
    void staffClientAndCreationFilters() {
        SimulatorData d = sim.data();
        d.addStaff(COMPANY, 22, "Other", "Stylist");
        long mine = d.createRecord(COMPANY, 30, 20, List.of(10L), LocalDateTime.of(2026, 12, 1, 10, 0));
        sim.clock().advance(Duration.ofDays(2));
        long other = d.createRecord(COMPANY, 0, 22, List.of(10L), LocalDateTime.of(2026, 12, 1, 12, 0));
        assertEquals(List.of(other), ids(api.get("/records/" + COMPANY + "?staff_id=22")));
        assertEquals(List.of(mine), ids(api.get("/records/" + COMPANY + "?client_id=30")));
        assertEquals(List.of(other), ids(api.get("/records/" + COMPANY + "?c_start_date=2026-11-21")));
        assertEquals(List.of(mine), ids(api.get("/records/" + COMPANY + "?c_end_date=2026-11-20")));
    }

    @Test
    void theDuplicateFaultRepeatsThePreviousPagesLastItemAndLosesNothing() {
        List<Long> created = create(5, LocalDateTime.of(2026, 12, 1, 10, 0));
        sim.faults().on("/records").next(2, Fault.duplicatePageItems());
        assertEquals(created.subList(0, 2), ids(api.get("/records/" + COMPANY + "?page=1&count=2")), "the first page has nothing to repeat");
        assertEquals(2, sim.faults().pending(), "so the fault waits for a later page");
        JsonNode page2 = api.get("/records/" + COMPANY + "?page=2&count=2").data();
        assertEquals(List.of(created.get(1), created.get(2), created.get(3)), idsOf(page2));
        assertEquals(List.of(created.get(3), created.get(4)), ids(api.get("/records/" + COMPANY + "?page=3&count=2")));
        assertEquals(0, sim.faults().pending());
        assertEquals(List.of(), ids(api.get("/records/" + COMPANY + "?page=4&count=2")));
    }

    private static List<Long> idsOf(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(record -> ids.add(record.path("id").asLong()));
        return ids;
    }
}

package io.ycbridge.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A ready data set. Seeds write fixed history (creation and change dates before {@link MovableClock#DEFAULT_START})
 * rather than the clock's now, so the same seed gives the same JSON in every run. Seeding onto data that already
 * holds the same ids replaces those entities.
 */
public final class SimulatorSeed {
    /** The seeds' salon (form n239661 on yclients.com), Europe/Moscow. */
    public static final long DEMO_SALON_ID = 235564;
    /** The Altegio branch from seed 004, Europe/Kyiv. */
    public static final long DEMO_BRANCH_ID = 1169323;
    /** The chain (salon group) both demo companies belong to; the reference's own example id. */
    public static final long DEMO_CHAIN_ID = 145071;
    /** The demo chain's one loyalty card type; the reference's own example id. */
    public static final long DEMO_CARD_TYPE_ID = 10992;

    private final String name;
    private final Consumer<SimulatorData> steps;

    private SimulatorSeed(String name, Consumer<SimulatorData> steps) {
        this.name = Objects.requireNonNull(name, "name");
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    /** A seed of your own, through the public {@link SimulatorData} calls. */
    public static SimulatorSeed of(String name, Consumer<SimulatorData> steps) {
        return new SimulatorSeed(name, steps);
    }

    /** This seed, then the other. */
    public SimulatorSeed and(SimulatorSeed other) {
        return new SimulatorSeed(name + "+" + other.name, steps.andThen(other.steps));
    }

    public String name() {
        return name;
    }

    void applyTo(SimulatorData data) {
        steps.accept(data);
    }

    @Override
    public String toString() {
        return "SimulatorSeed[" + name + "]";
    }

    /**
     * Two companies with small catalogs and eleven records in every state: waiting, confirmed, came and paid,
     * came unpaid, no-show, cancelled, a walk-in without a client, a manual price, a custom field. Client phones
     * come in the notations the API returns: 70001234567 (a number on the wire), "+79990000000",
     * "+7 999 123-45-67" and the domestic "89161234567" that a +7 search does not find. Both companies form chain
     * {@link #DEMO_CHAIN_ID} with one loyalty card type, {@link #DEMO_CARD_TYPE_ID}, and no cards issued.
     */
    public static SimulatorSeed demo() {
        return new SimulatorSeed("demo", SimulatorSeed::demoSalon).and(new SimulatorSeed("demo-branch", SimulatorSeed::demoBranch));
    }

    private static void demoSalon(SimulatorData d) {
        long c = DEMO_SALON_ID;
        d.addCompany(c, "Demo Salon", "Europe/Moscow", 1, "Россия", "Москва", "+7 495 509-24-46");
        d.addCategory(c, 1001, "Стрижки");
        d.addCategory(c, 1002, "Окрашивание");
        d.addCategory(c, 1003, "Ногтевой сервис");
        d.addService(c, 301, 1001, "Стрижка женская", new BigDecimal("1500"), 3600);
        d.addService(c, 302, 1001, "Стрижка мужская", new BigDecimal("1200"), 2700);
        d.addService(c, 303, 1002, "Окрашивание в один тон", new BigDecimal("4500"), 7200);
        d.addService(c, 304, 1003, "Маникюр с покрытием", new BigDecimal("2000"), 5400);
        d.addService(c, 305, 1003, "Педикюр", new BigDecimal("2500.50"), 5400);
        d.addStaff(c, 55, "Анна Смирнова", "Парикмахер-стилист", new BigDecimal("4.9"));
        d.addStaff(c, 56, "Мария Иванова", "Колорист", new BigDecimal("4.7"));
        d.addStaff(c, 57, "Ольга Петрова", "Мастер ногтевого сервиса", new BigDecimal("5"));
        d.addClient(c, 4001, "Анна", "+79990000000", "anna@example.com");
        d.addClient(c, 4002, "Иван Петров", "70001234567", "");
        d.addClient(c, 4003, "Елена Соколова", "+7 999 123-45-67", "elena@example.com");
        d.addClient(c, 4004, "Дмитрий", "89161234567", "");
        d.addClient(c, 4005, "Ольга", "+79165550000", "olga@example.com");

        // Today's visit, booked two days ago (the create_date of the API notes' example).
        d.insertRecord(c, 9001, 4001, 55, List.of(301L), at(2026, 11, 20, 12, 0), utc("2026-11-18T06:10:11Z"), false, "");
        d.insertRecord(c, 9002, 4002, 56, List.of(303L), at(2026, 11, 16, 10, 0), utc("2026-11-10T08:00:00Z"), false, "");
        d.completeVisitAt(c, 9002, true, utc("2026-11-16T09:30:00Z"));
        d.insertRecord(c, 9003, 4003, 57, List.of(304L), at(2026, 11, 17, 15, 0), utc("2026-11-12T10:00:00Z"), true, "");
        d.attendanceAt(c, 9003, -1, utc("2026-11-17T13:00:00Z"));
        d.insertRecord(c, 9004, 4005, 55, List.of(301L), at(2026, 11, 18, 11, 0), utc("2026-11-11T15:45:00Z"), false, "");
        d.cancelAt(c, 9004, utc("2026-11-17T16:00:00Z"));
        d.insertRecord(c, 9005, 0, 55, List.of(302L), at(2026, 11, 19, 18, 0), utc("2026-11-19T14:55:00Z"), false, "Без записи");
        d.completeVisitAt(c, 9005, false, utc("2026-11-19T16:10:00Z"));
        d.insertRecord(c, 9006, 4005, 57, List.of(305L), at(2026, 11, 22, 13, 0), utc("2026-11-19T17:20:00Z"), true, "");
        d.setCustomFieldAt(c, 9006, "instagram", "@olga.nails", utc("2026-11-19T17:20:05Z"));
        d.attendanceAt(c, 9006, 2, utc("2026-11-20T07:00:00Z"));
        d.insertRecord(c, 9007, 4004, 56, List.of(303L, 301L), at(2026, 11, 25, 10, 0), utc("2026-11-19T09:00:00Z"), false,
                "Первый визит");
        d.insertRecord(c, 9008, 4002, 55, List.of(301L), at(2026, 11, 14, 12, 0), utc("2026-11-07T12:00:00Z"), false, "");
        d.setServiceCostAt(c, 9008, 301, new BigDecimal("1350"), utc("2026-11-14T09:55:00Z"));
        d.completeVisitAt(c, 9008, true, utc("2026-11-14T10:10:00Z"));
    }

    private static void demoBranch(SimulatorData d) {
        long c = DEMO_BRANCH_ID;
        // An Altegio branch: the reference lists no country id for Ukraine, so only the name and the phone tell.
        d.addCompany(c, "Demo Branch", "Europe/Kyiv", 0, "Ukraine", "Kyiv", "+380 44 123 45 67");
        d.addCategory(c, 2001, "Hair");
        d.addService(c, 601, 2001, "Haircut", new BigDecimal("800"), 3600);
        d.addService(c, 602, 2001, "Beard trim", new BigDecimal("400"), 1800);
        d.addStaff(c, 501, "Olena Koval", "Barber", new BigDecimal("4.8"));
        d.addStaff(c, 502, "Taras Bondar", "Barber", new BigDecimal("4.6"));
        d.addClient(c, 9001, "Oksana", "+380501234567", "oksana@example.com");
        d.addClient(c, 9002, "Andrii", "380671112233", "");

        d.insertRecord(c, 9009, 9002, 502, List.of(602L), at(2026, 11, 19, 16, 0), utc("2026-11-15T12:00:00Z"), false, "");
        d.completeVisitAt(c, 9009, true, utc("2026-11-19T14:45:00Z"));
        d.insertRecord(c, 9010, 9001, 501, List.of(601L), at(2026, 11, 21, 11, 0), utc("2026-11-18T18:30:00Z"), true, "");
        d.insertRecord(c, 9011, 9001, 502, List.of(601L, 602L), at(2026, 11, 13, 10, 0), utc("2026-11-09T08:00:00Z"), false, "");
        d.cancelAt(c, 9011, utc("2026-11-12T19:20:00Z"));

        // The branch joins the salon's chain, where the app's bonuses are a card type of their own.
        d.loyalty().chain(DEMO_CHAIN_ID, DEMO_SALON_ID, c).cardType(DEMO_CHAIN_ID, DEMO_CARD_TYPE_ID, "Бонусы приложения");
    }

    /**
     * A deterministic data set for benchmarks: {@code companies} companies, each with {@code services} services,
     * {@code staff} masters, {@code records} records (per company, spread from 60 days before to 30 days after
     * {@link MovableClock#DEFAULT_START}, in mixed states) and one client per five records. Applied to a fresh
     * simulator, the same arguments give the same ids and JSON.
     */
    public static SimulatorSeed large(int companies, int services, int staff, int records, long randomSeed) {
        if (companies < 1 || services < 1 || staff < 1 || records < 0) {
            throw new IllegalArgumentException("need at least one company, service and staff member, and no negative records");
        }
        return new SimulatorSeed("large(" + companies + "," + services + "," + staff + "," + records + "," + randomSeed + ")",
                d -> large(d, companies, services, staff, records, new Random(randomSeed)));
    }

    private static final List<String> LARGE_ZONES = List.of("Europe/Moscow", "Europe/Kyiv", "Asia/Yekaterinburg",
            "Europe/Kaliningrad", "Asia/Novosibirsk", "Europe/London");

    private static void large(SimulatorData d, int companies, int services, int staff, int records, Random random) {
        Instant base = MovableClock.DEFAULT_START;
        for (int i = 0; i < companies; i++) {
            long c = 500_001L + i;
            String zoneName = LARGE_ZONES.get(i % LARGE_ZONES.size());
            ZoneId zone = ZoneId.of(zoneName);
            d.addCompany(c, "Bench Salon " + (i + 1), zoneName);
            int categories = Math.max(1, services / 10);
            long categoryBase = c * 100;
            for (int k = 0; k < categories; k++) {
                d.addCategory(c, categoryBase + k, "Category " + (k + 1));
            }
            long serviceBase = c * 10_000;
            List<Long> serviceIds = new ArrayList<>();
            for (int k = 0; k < services; k++) {
                long id = serviceBase + k;
                d.addService(c, id, categoryBase + (k % categories), "Service " + (k + 1),
                        BigDecimal.valueOf(500 + 100L * random.nextInt(46)), 1800 + 900 * random.nextInt(7));
                serviceIds.add(id);
            }
            long staffBase = c * 1_000;
            for (int k = 0; k < staff; k++) {
                d.addStaff(c, staffBase + k, "Master " + (k + 1), "Stylist", BigDecimal.valueOf(40 + random.nextInt(11), 1));
            }
            int clients = Math.max(1, records / 5);
            long clientBase = c * 100_000;
            for (int k = 0; k < clients; k++) {
                d.addClient(c, clientBase + k, "Client " + (k + 1), phone(k, random), k % 3 == 0 ? "" : "client" + k + "@example.com");
            }
            LocalDate today = LocalDate.ofInstant(base, zone);
            for (int k = 0; k < records; k++) {
                LocalDateTime start = today.plusDays(random.nextInt(91) - 60).atTime(9, 0).plusMinutes(30L * random.nextInt(22));
                Instant startInstant = start.atZone(zone).toInstant();
                Instant created = min(startInstant, base).minus(Duration.ofMinutes(30 + random.nextInt(14 * 24 * 60)));
                List<Long> lines = random.nextInt(5) == 0
                        ? List.of(serviceIds.get(random.nextInt(services)), serviceIds.get(random.nextInt(services)))
                        : List.of(serviceIds.get(random.nextInt(services)));
                long clientId = random.nextInt(20) == 0 ? 0 : clientBase + random.nextInt(clients);
                long id = d.insertRecord(c, 0, clientId, staffBase + random.nextInt(staff), lines.stream().distinct().toList(),
                        start, created, random.nextBoolean(), "");
                Instant changed = min(base, created.plus(Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60))));
                int roll = random.nextInt(100);
                if (startInstant.isBefore(base)) {
                    Instant after = min(base, startInstant.plus(Duration.ofMinutes(30 + random.nextInt(120))));
                    if (roll < 70) {
                        d.completeVisitAt(c, id, random.nextInt(5) != 0, after);
                    } else if (roll < 80) {
                        d.attendanceAt(c, id, -1, after);
                    } else if (roll < 90) {
                        d.cancelAt(c, id, changed);
                    }
                } else if (roll < 25) {
                    d.attendanceAt(c, id, 2, changed);
                } else if (roll < 37) {
                    d.cancelAt(c, id, changed);
                }
            }
        }
    }

    private static String phone(int index, Random random) {
        String digits = "79" + String.format("%09d", random.nextInt(1_000_000_000));
        return switch (index % 4) {
            case 0 -> digits;
            case 1 -> "+" + digits;
            case 2 -> "+7 " + digits.substring(1, 4) + " " + digits.substring(4, 7) + "-" + digits.substring(7, 9) + "-" + digits.substring(9);
            default -> "8" + digits.substring(1);
        };
    }

    private static LocalDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

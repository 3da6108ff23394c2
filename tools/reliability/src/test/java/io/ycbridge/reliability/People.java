package io.ycbridge.reliability;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.simulator.SimulatorData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The chaos run's people: clients of branch A (every person) and branch B (every third), each with a phone written in
 * one of YClients' notations; the first {@code users} of them are app users who prove their phone, written in another.
 * Some are messy on purpose, as salons are:
 * <ul>
 *   <li>{@link Kind#CORRECTED}: the salon corrects the phone halfway; the user proves the new one, so visits whose last
 *       version still shows the old number stay pending under it;</li>
 *   <li>{@link Kind#PHONE_LATER}: booked without a phone until the salon adds one: their phone-less visits must reach
 *       them through the client id;</li>
 *   <li>{@link Kind#NO_PHONE}: never a phone: their visits stay pending under the client id;</li>
 *   <li>{@link Kind#FOREIGN}: Ukrainian numbers, written with and without the plus.</li>
 * </ul>
 */
final class People {
    enum Kind { NORMAL, CORRECTED, PHONE_LATER, NO_PHONE, FOREIGN }

    private final List<String> digits = new ArrayList<>();
    private final List<String> corrected = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();
    private final int users;

    private People(int users) {
        this.users = users;
    }

    static People seed(SimulatorData data, Random random, int count, int users) {
        People people = new People(users);
        data.addCompany(ChaosIT.A, "Chaos Salon", "Europe/Moscow");
        data.addCompany(ChaosIT.B, "Chaos Branch", "Europe/Moscow");
        data.addCategory(ChaosIT.A, 10, "Hair");
        data.addCategory(ChaosIT.B, 20, "Nails");
        for (int i = 0; i < 10; i++) {
            data.addService(ChaosIT.A, 301 + i, 10, "Service A" + i, java.math.BigDecimal.valueOf(800 + 250L * i), 3600);
        }
        for (int i = 0; i < 5; i++) {
            data.addService(ChaosIT.B, 601 + i, 20, "Service B" + i, java.math.BigDecimal.valueOf(1200 + 300L * i), 2700);
        }
        for (int i = 0; i < 4; i++) {
            data.addStaff(ChaosIT.A, 55 + i, "Master A" + i, "stylist");
        }
        for (int i = 0; i < 2; i++) {
            data.addStaff(ChaosIT.B, 501 + i, "Master B" + i, "manicure");
        }
        Set<String> used = new HashSet<>();
        for (int p = 0; p < count; p++) {
            Kind kind = switch (p % 10) {
                case 3 -> Kind.CORRECTED;
                case 5 -> Kind.PHONE_LATER;
                case 8 -> Kind.FOREIGN;
                case 9 -> p % 20 == 19 ? Kind.NO_PHONE : Kind.NORMAL;
                default -> Kind.NORMAL;
            };
            people.kinds.add(kind);
            people.digits.add(fresh(random, used, kind == Kind.FOREIGN ? "38067" : "9"));
            people.corrected.add(kind == Kind.CORRECTED ? fresh(random, used, "9") : null);
            people.subjects.add("user-" + Long.toHexString(random.nextLong()));
            boolean phoneless = kind == Kind.PHONE_LATER || kind == Kind.NO_PHONE;
            String original = people.digits.get(p);
            data.addClient(ChaosIT.A, clientId(ChaosIT.A, p), "Client " + p, phoneless ? "" : notation(original, p, kind));
            if (p % 3 == 0) {
                data.addClient(ChaosIT.B, clientId(ChaosIT.B, p), "Client " + p, phoneless ? "" : notation(original, p + 2, kind));
            }
        }
        return people;
    }

    /** Digits after the +: Russian ones without the 7 (ten digits), Ukrainian ones with their 380 (twelve). */
    private static String fresh(Random random, Set<String> used, String prefix) {
        int rest = (prefix.startsWith("380") ? 12 : 10) - prefix.length();
        String d;
        do {
            d = prefix + String.format("%0" + rest + "d", random.nextInt((int) Math.pow(10, rest)));
        } while (!used.add(d));
        return d;
    }

    /** The salon's corrections, halfway through the history: new phones, and phones for those booked without; how many. */
    int correctPhones(SimulatorData data) {
        int corrected = 0;
        for (int p = 0; p < kinds.size(); p++) {
            if (kinds.get(p) == Kind.CORRECTED || kinds.get(p) == Kind.PHONE_LATER) {
                data.setClientPhone(ChaosIT.A, clientId(ChaosIT.A, p), notation(currentDigits(p), p + 3, kinds.get(p)));
                corrected++;
                if (p % 3 == 0) {
                    data.setClientPhone(ChaosIT.B, clientId(ChaosIT.B, p), notation(currentDigits(p), p + 1, kinds.get(p)));
                    corrected++;
                }
            }
        }
        return corrected;
    }

    static long clientId(long company, int person) {
        return (company == ChaosIT.A ? 4000 : 9000) + person;
    }

    static int person(long company, long clientId) {
        return (int) (clientId - (company == ChaosIT.A ? 4000 : 9000));
    }

    /** A person for a new record, or -1 for a walk-in. */
    int pick(long company, Random random) {
        if (random.nextInt(25) == 0) {
            return -1;
        }
        int person = random.nextInt(digits.size());
        return company == ChaosIT.A ? person : person - person % 3;
    }

    /** Whether this person's visits may hold several records: only where one phone stays theirs, so one owner holds the cap. */
    boolean sharesVisits(int person) {
        return kinds.get(person) == Kind.NORMAL || kinds.get(person) == Kind.FOREIGN;
    }

    String user(int person) {
        return subjects.get(person);
    }

    int users() {
        return users;
    }

    /** The phone the user proves: the corrected one where the salon corrected it. */
    String profilePhone(int person) {
        return notation(currentDigits(person), person + 1, kinds.get(person));
    }

    /**
     * Who each proven phone (E.164) belongs to at the end of the run. Every user proves a different number; the NO_PHONE
     * users prove one no record ever shows.
     */
    Map<String, String> provenOwners() {
        Map<String, String> owners = new HashMap<>();
        for (int person = 0; person < users; person++) {
            owners.put(e164(person), BonusOwner.user(subjects.get(person)).key());
        }
        return owners;
    }

    private String e164(int person) {
        String current = currentDigits(person);
        return kinds.get(person) == Kind.FOREIGN ? "+" + current : "+7" + current;
    }

    private String currentDigits(int person) {
        return corrected.get(person) != null ? corrected.get(person) : digits.get(person);
    }

    /**
     * A phone in notation {@code kind}: Russian numbers as +7…, 8…, formatted or bare 7…; Ukrainian ones with the plus,
     * formatted, or bare with the country code (as the API sends numbers).
     */
    private static String notation(String d, int kind, Kind person) {
        if (person == Kind.FOREIGN) {
            return switch (kind % 3) {
                case 0 -> "+" + d;
                case 1 -> "+" + d.substring(0, 3) + " (" + d.substring(3, 5) + ") " + d.substring(5, 8) + "-" + d.substring(8);
                default -> d;
            };
        }
        return switch (kind % 4) {
            case 0 -> "+7" + d;
            case 1 -> "8" + d;
            case 2 -> "+7 " + d.substring(0, 3) + " " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
            default -> "7" + d;
        };
    }
}

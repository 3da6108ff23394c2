package io.ycbridge.reliability;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.simulator.SimulatorData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The chaos run's people: clients of branch A (every person) and branch B (every third), each with a phone written
 * in one of YClients' notations; the first {@code users} of them are app users who give their phone in another.
 */
final class People {
    private final List<String> digits = new ArrayList<>();
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
            String d;
            do {
                d = "9" + String.format("%09d", random.nextInt(1_000_000_000));
            } while (!used.add(d));
            people.digits.add(d);
            people.subjects.add("user-" + Long.toHexString(random.nextLong()));
            data.addClient(ChaosIT.A, clientId(ChaosIT.A, p), "Client " + p, notation(d, p));
            if (p % 3 == 0) {
                data.addClient(ChaosIT.B, clientId(ChaosIT.B, p), "Client " + p, notation(d, p + 2));
            }
        }
        return people;
    }

    static long clientId(long company, int person) {
        return (company == ChaosIT.A ? 4000 : 9000) + person;
    }

    /** A person for a new record, or -1 for a walk-in. */
    int pick(long company, Random random) {
        if (random.nextInt(25) == 0) {
            return -1;
        }
        int person = random.nextInt(digits.size());
        return company == ChaosIT.A ? person : person - person % 3;
    }

    String user(int person) {
        return subjects.get(person);
    }

    String profilePhone(int person) {
        return notation(digits.get(person), person + 1);
    }

    String e164(int person) {
        return "+7" + digits.get(person);
    }

    /** Every way the run wrote any phone: E.164, the digits, and each notation. */
    List<String> allPhoneForms() {
        List<String> forms = new ArrayList<>();
        for (String d : digits) {
            for (int n = 0; n < 4; n++) {
                forms.add(notation(d, n));
            }
            forms.add(d);
        }
        return forms;
    }

    /** The ledger owner of a visit by this client, null for a walk-in. */
    String ownerOf(long company, long clientId) {
        if (clientId == 0) {
            return null;
        }
        int person = (int) (clientId - (company == ChaosIT.A ? 4000 : 9000));
        return person < users ? BonusOwner.user(subjects.get(person)).key() : BonusOwner.pendingPhone(e164(person)).key();
    }

    static String notation(String d, int kind) {
        return switch (kind % 4) {
            case 0 -> "+7" + d;
            case 1 -> "8" + d;
            case 2 -> "+7 " + d.substring(0, 3) + " " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
            default -> "7" + d;
        };
    }
}

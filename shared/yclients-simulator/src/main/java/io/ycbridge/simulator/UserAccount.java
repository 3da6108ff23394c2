package io.ycbridge.simulator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A YClients user. {@code allCompanies} is how the default user manages every company, including ones seeded
 * after it was created; {@code revoked} wins over both ways of managing.
 */
record UserAccount(long id, String login, String password, String userToken, String name, String phone, String email,
                   boolean allCompanies, Set<Long> companies, Set<Long> revoked, boolean twoFactor) {

    UserAccount {
        companies = Set.copyOf(companies);
        revoked = Set.copyOf(revoked);
    }

    boolean manages(long companyId) {
        return !revoked.contains(companyId) && (allCompanies || companies.contains(companyId));
    }

    UserAccount withToken(String token) {
        return new UserAccount(id, login, password, token, name, phone, email, allCompanies, companies, revoked, twoFactor);
    }

    UserAccount withTwoFactor(boolean on) {
        return new UserAccount(id, login, password, userToken, name, phone, email, allCompanies, companies, revoked, on);
    }

    UserAccount withRevoked(long companyId) {
        Set<Long> more = new HashSet<>(revoked);
        more.add(companyId);
        return new UserAccount(id, login, password, userToken, name, phone, email, allCompanies, companies, more, twoFactor);
    }

    UserAccount withGranted(long companyId) {
        Set<Long> fewer = new HashSet<>(revoked);
        fewer.remove(companyId);
        Set<Long> more = new HashSet<>(companies);
        more.add(companyId);
        return new UserAccount(id, login, password, userToken, name, phone, email, allCompanies, more, fewer, twoFactor);
    }

    /** Logins are phones (79161234567) or e-mails; a phone matches in any notation. */
    static String normaliseLogin(String login) {
        String trimmed = login.strip();
        if (trimmed.contains("@")) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        String digits = trimmed.replaceAll("\\D", "");
        return digits.isEmpty() ? trimmed : digits;
    }
}

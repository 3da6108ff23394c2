package io.ycbridge.simulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Partner tokens and users: who may call the API and which companies each user manages. */
final class Accounts {
    private final Set<String> partnerTokens = new HashSet<>();
    private final Map<String, UserAccount> byLogin = new HashMap<>();
    private final Map<String, UserAccount> byToken = new HashMap<>();
    private long nextUserId = 1;

    Accounts() {
        partnerTokens.add(SimulatorDefaults.PARTNER_TOKEN);
        put(new UserAccount(nextUserId++, SimulatorDefaults.LOGIN, SimulatorDefaults.PASSWORD, SimulatorDefaults.USER_TOKEN,
                "Simulator Admin", "79990000001", "admin@simulator.test", true, Set.of(), Set.of(), false));
    }

    synchronized void acceptPartnerToken(String token) {
        partnerTokens.add(requireToken(token));
    }

    synchronized boolean partnerAccepted(String token) {
        return partnerTokens.contains(token);
    }

    synchronized void addUser(String login, String password, String userToken, long... managedCompanyIds) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        requireToken(userToken);
        Set<Long> companies = new HashSet<>();
        for (long id : managedCompanyIds) {
            companies.add(id);
        }
        UserAccount old = byLogin.get(UserAccount.normaliseLogin(login));
        if (old != null) {
            byToken.remove(old.userToken());
        }
        String phone = login.contains("@") ? "" : login.replaceAll("\\D", "");
        String email = login.contains("@") ? login.strip() : "";
        put(new UserAccount(old == null ? nextUserId++ : old.id(), login, password, userToken, "User " + login, phone, email,
                false, companies, Set.of(), false));
    }

    synchronized void revokeRights(String userToken, long companyId) {
        replace(userByTokenOrThrow(userToken).withRevoked(companyId));
    }

    synchronized void grantRights(String userToken, long companyId) {
        replace(userByTokenOrThrow(userToken).withGranted(companyId));
    }

    synchronized void requireTwoFactor(String login, boolean on) {
        UserAccount user = byLogin.get(UserAccount.normaliseLogin(login));
        if (user == null) {
            throw new IllegalArgumentException("no user with login " + login);
        }
        replace(user.withTwoFactor(on));
    }

    /** What a password change does to a user: the old token stops working. */
    synchronized void rotateUserToken(String oldToken, String newToken) {
        UserAccount user = userByTokenOrThrow(oldToken);
        byToken.remove(oldToken);
        put(user.withToken(requireToken(newToken)));
    }

    synchronized Optional<UserAccount> userByToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    synchronized Optional<UserAccount> userByLogin(String login) {
        return Optional.ofNullable(byLogin.get(UserAccount.normaliseLogin(login)));
    }

    private UserAccount userByTokenOrThrow(String token) {
        UserAccount user = byToken.get(token);
        if (user == null) {
            throw new IllegalArgumentException("no user with that token");
        }
        return user;
    }

    private void replace(UserAccount user) {
        byToken.values().removeIf(u -> u.id() == user.id());
        put(user);
    }

    private void put(UserAccount user) {
        byLogin.put(UserAccount.normaliseLogin(user.login()), user);
        byToken.put(user.userToken(), user);
    }

    private static String requireToken(String token) {
        if (token == null || token.isBlank() || token.matches(".*[\\s,].*")) {
            throw new IllegalArgumentException("a token is a non-empty word without spaces or commas");
        }
        return token;
    }
}

package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seeds' failures: 401 "Partner ID not specified", 403 "No company management rights", and POST /auth. */
class AuthenticationTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private static YClientsSimulator sim;
    private static Api api;

    @BeforeAll
    static void start() {
        sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
        api = Api.of(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void russian() {
        sim.messages(MessageLanguage.RU);
    }

    @Test
    void bothTokensReachCompanyDataAndThePartnerTokenAloneReachesCompanies() {
        assertEquals(200, api.get("/records/" + SALON).status());
        Api partnerOnly = api.auth(Api.PARTNER_ONLY);
        assertEquals(200, partnerOnly.get("/companies").status());
        assertEquals(200, partnerOnly.get("/company/" + SALON).status());
        Api.Answer records = partnerOnly.get("/records/" + SALON);
        assertEquals(401, records.status());
        assertEquals("Необходима авторизация", records.json().path("errors").path("message").asText());
        assertTrue(records.json().path("meta").isArray(), records.text());
    }

    @Test
    void extraSpacesAroundTheCommaAreFineButTheSchemeWordsAreCaseSensitive() {
        String spaced = "Bearer " + SimulatorDefaults.PARTNER_TOKEN + " ,   User " + SimulatorDefaults.USER_TOKEN;
        assertEquals(200, api.auth(spaced).get("/company/" + SALON + "/staff").status());
        String lowercaseUser = "Bearer " + SimulatorDefaults.PARTNER_TOKEN + ", user " + SimulatorDefaults.USER_TOKEN;
        Api.Answer refused = api.auth(lowercaseUser).get("/company/" + SALON + "/staff");
        assertEquals(401, refused.status());
        assertEquals("Не указан идентификатор партнера", refused.message());
        assertEquals(401, api.auth("bearer " + SimulatorDefaults.PARTNER_TOKEN).get("/companies").status());
    }

    @Test
    void aMissingOrUnknownPartnerTokenIsTheSeedsPartnerIdErrorInBothLanguages() {
        for (String header : new String[] {null, "Bearer not-our-partner", "Bearer " + SimulatorDefaults.USER_TOKEN,
                "Bearer f754b6943b6a23de9297a9abeceefc87, Partner 1169323"}) {
            Api.Answer ru = api.auth(header).get("/companies");
            assertEquals(401, ru.status(), String.valueOf(header));
            JsonNode body = ru.json();
            assertFalse(body.path("success").asBoolean(true));
            assertTrue(body.get("data").isNull());
            assertEquals("Не указан идентификатор партнера", body.path("meta").path("message").asText());
        }
        sim.messages(MessageLanguage.EN);
        Api.Answer en = api.auth("Bearer not-our-partner, User " + SimulatorDefaults.USER_TOKEN).get("/records/" + SALON);
        assertEquals(401, en.status());
        assertEquals("Partner ID not specified", en.message());
    }

    @Test
    void anUnknownUserTokenIsA401InTheErrorsShape() {
        Api.Answer answer = api.auth(Api.PARTNER_ONLY + ", User expired-token").get("/company/" + SALON + "/services");
        assertEquals(401, answer.status());
        assertEquals("Необходима авторизация", answer.json().path("errors").path("message").asText());
        assertTrue(answer.json().path("success").isMissingNode());
    }

    @Test
    void aUserWithoutRightsGets403WhileCompaniesStillWork() {
        sim.addUser("+79990000777", "pw", "branch-only-token", BRANCH);
        sim.messages(MessageLanguage.EN);
        Api limited = api.auth(Api.PARTNER_ONLY + ", User branch-only-token");
        List<String> paths = List.of("/records/" + SALON, "/record/" + SALON + "/9001", "/company/" + SALON + "/services",
                "/company/" + SALON + "/service_categories", "/company/" + SALON + "/staff", "/hooks_settings/" + SALON);
        for (String path : paths) {
            Api.Answer refused = limited.get(path);
            assertEquals(403, refused.status(), path);
            assertEquals("No company management rights", refused.message(), path);
            assertTrue(refused.json().get("data").isNull());
        }
        assertEquals(403, limited.post("/company/" + SALON + "/clients/search", "{}").status());
        assertEquals(200, limited.get("/records/" + BRANCH).status());

        Api.Answer all = limited.get("/companies");
        assertEquals(200, all.status());
        assertEquals(2, all.data().size());
        Api.Answer mine = limited.get("/companies?my=1");
        assertEquals(200, mine.status());
        assertEquals(1, mine.data().size());
        assertEquals(BRANCH, mine.data().get(0).path("id").asLong());
        assertEquals(401, api.auth(Api.PARTNER_ONLY).get("/companies?my=1").status(), "my=1 needs a user");
        sim.messages(MessageLanguage.RU);
        assertEquals("Нет прав на управление компанией", limited.get("/records/" + SALON).message());
    }

    @Test
    void revokedRightsTurnIntoTheSame403AndComeBackWhenGranted() {
        sim.addUser("admin@example.com", "pw", "revocable-token", SALON, BRANCH);
        Api user = api.auth(Api.PARTNER_ONLY + ", User revocable-token");
        assertEquals(200, user.get("/company/" + SALON + "/staff").status());
        sim.revokeRights("revocable-token", SALON);
        assertEquals(403, user.get("/company/" + SALON + "/staff").status());
        assertEquals(200, user.get("/company/" + BRANCH + "/staff").status());
        sim.grantRights("revocable-token", SALON);
        assertEquals(200, user.get("/company/" + SALON + "/staff").status());
    }

    @Test
    void authGivesTheUserTokenWith201() {
        Api partnerOnly = api.auth(Api.PARTNER_ONLY);
        Api.Answer answer = partnerOnly.post("/auth",
                "{\"login\":\"" + SimulatorDefaults.LOGIN + "\",\"password\":\"" + SimulatorDefaults.PASSWORD + "\"}");
        assertEquals(201, answer.status());
        JsonNode data = answer.data();
        assertEquals(SimulatorDefaults.USER_TOKEN, data.path("user_token").asText());
        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "user_token", "name", "phone", "login", "email", "is_approved"), fields);
        assertTrue(answer.json().path("success").asBoolean());

        Api.Answer digitsLogin = partnerOnly.post("/auth", "{\"login\":\"79990000001\",\"password\":\"sim-password\"}");
        assertEquals(201, digitsLogin.status(), "the documented 7916… notation finds the same user");

        Api.Answer wrong = partnerOnly.post("/auth", "{\"login\":\"" + SimulatorDefaults.LOGIN + "\",\"password\":\"nope\"}");
        assertEquals(401, wrong.status());
        assertEquals("Неверный логин или пароль", wrong.message());
        sim.messages(MessageLanguage.EN);
        assertEquals("Incorrect login or password", partnerOnly.post("/auth", "{\"login\":\"x\",\"password\":\"y\"}").message());
        assertEquals(401, api.auth(null).post("/auth", "{\"login\":\"x\",\"password\":\"y\"}").status());
    }

    @Test
    void twoFactorAnswers200WithAUuidAndNoToken() {
        sim.addUser("+79990000555", "pw2", "two-factor-token", SALON);
        sim.requireTwoFactor("+79990000555", true);
        Api.Answer challenge = api.auth(Api.PARTNER_ONLY).post("/auth", "{\"login\":\"+79990000555\",\"password\":\"pw2\"}");
        assertEquals(200, challenge.status());
        assertTrue(challenge.data().path("uuid").asText().matches("[0-9a-f-]{36}"), challenge.text());
        assertTrue(challenge.data().path("user_token").isMissingNode());
        sim.requireTwoFactor("+79990000555", false);
        Api.Answer token = api.auth(Api.PARTNER_ONLY).post("/auth", "{\"login\":\"+79990000555\",\"password\":\"pw2\"}");
        assertEquals("two-factor-token", token.data().path("user_token").asText());
    }

    @Test
    void aRotatedUserTokenRetiresTheOldOne() {
        sim.addUser("rotating@example.com", "pw", "old-token", SALON);
        sim.rotateUserToken("old-token", "new-token");
        assertEquals(401, api.auth(Api.PARTNER_ONLY + ", User old-token").get("/records/" + SALON).status());
        assertEquals(200, api.auth(Api.PARTNER_ONLY + ", User new-token").get("/records/" + SALON).status());
    }

    @Test
    void anotherPartnerTokenCanBeAccepted() {
        assertEquals(401, api.auth("Bearer second-partner, User " + SimulatorDefaults.USER_TOKEN).get("/companies").status());
        sim.acceptPartnerToken("second-partner");
        assertEquals(200, api.auth("Bearer second-partner, User " + SimulatorDefaults.USER_TOKEN).get("/companies").status());
    }
}

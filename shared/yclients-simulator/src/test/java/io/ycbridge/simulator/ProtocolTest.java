package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The envelope, content types, the Accept header, unknown paths and methods, and calls that miss the API. */
class ProtocolTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
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

    @Test
    void answersAreJsonInTheEnvelope() {
        Api.Answer answer = api.get("/company/" + SALON);
        assertEquals(200, answer.status());
        assertEquals("application/json; charset=utf-8", answer.header("Content-Type"));
        assertTrue(answer.json().path("success").asBoolean());
        assertEquals(SALON, answer.data().path("id").asLong());
        assertTrue(answer.json().path("meta").isArray(), "an empty meta is PHP's empty array");
    }

    @Test
    void withoutTheV2AcceptHeaderTheRequestIsRefused() {
        for (String accept : new String[] {null, "application/json", "*/*"}) {
            Api.Answer refused = api.accept(accept).get("/company/" + SALON + "/staff");
            assertEquals(400, refused.status(), String.valueOf(accept));
            assertTrue(refused.message().contains("application/vnd.yclients.v2+json"), refused.message());
        }
        assertEquals(200, api.accept("application/vnd.api.v2+json").get("/company/" + SALON + "/staff").status(), "the older form");
        assertEquals(200, api.accept("application/vnd.yclients.v2+json, application/json").get("/company/" + SALON).status());
    }

    @Test
    void unknownPathsAre404NotFoundWhateverTheTokens() {
        Api.Answer missing = api.get("/company/" + SALON + "/appointments");
        assertEquals(404, missing.status());
        assertEquals("Не найдено", missing.message());
        assertTrue(missing.json().get("data").isNull());
        assertEquals(404, api.auth("Bearer wrong").get("/clients?company_id=" + SALON).status());
        sim.messages(MessageLanguage.EN);
        try {
            assertEquals("Not found", api.get("/nothing/here").message());
        } finally {
            sim.messages(MessageLanguage.RU);
        }
    }

    @Test
    void aKnownPathWithTheWrongMethodIs405() {
        Api.Answer wrong = api.get("/company/" + SALON + "/clients/search");
        assertEquals(405, wrong.status());
        assertEquals("POST", wrong.header("Allow"));
        assertEquals(405, api.send("DELETE", "/records/" + SALON, null).status());
        assertEquals("GET, POST", api.send("PUT", "/hooks_settings/" + SALON, "{}").header("Allow"));
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        assertEquals(200, api.get("/company/" + SALON + "/").status());
    }

    @Test
    void missingEntitiesAnswerWithTheDocumentedTexts() {
        assertEquals("Филиал не найден.", api.get("/company/42").message());
        assertEquals(404, api.get("/records/42").status());
        assertEquals("Услуга не найдена.", api.get("/company/" + SALON + "/services/999").message());
        assertEquals("Сотрудник с ID 999 не найден в филиале " + SALON + ".", api.get("/company/" + SALON + "/staff/999").message());
        assertEquals("Не найдено", api.get("/record/" + SALON + "/123").message());
    }

    @Test
    void aCallOutsideTheApiMeetsTheWebSite() {
        URI site = URI.create(sim.baseUri().toString().replace("/api/v1", "/site") + "/company/" + SALON + "/services");
        Api.Answer answer = api.sendTo(site, "GET", null);
        assertEquals(302, answer.status());
        assertEquals("https://yclients.com/", answer.header("Location"));
        assertTrue(answer.header("Content-Type").startsWith("text/html"));
        assertTrue(answer.text().contains("<html"));
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        Api.Answer answer = api.post("/company/" + SALON + "/clients/search", "page=1");
        assertEquals(400, answer.status());
        assertEquals("Неверный формат запроса", answer.message());
    }
}

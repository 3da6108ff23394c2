package io.ycbridge.ops;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_BRANCH_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_CARD_TYPE_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_CHAIN_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MessageLanguage;
import io.ycbridge.simulator.SimulatorDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDbExtension.class)
class DoctorTest {
    private final LocalDynamoDb dynamoDb;
    private OpsFixture fixture;

    DoctorTest(LocalDynamoDb dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void start() throws IOException {
        fixture = new OpsFixture(dynamoDb);
        fixture.run("setup-webhook", "--url", fixture.webhookUrl());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private OpsFixture.Result doctor(String name, String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "doctor";
        System.arraycopy(extra, 0, args, 1, extra.length);
        OpsFixture.Result result = fixture.run(args);
        System.out.println("---- doctor: " + name + " (exit " + result.code() + ")\n" + result.all());
        assertNoToken(result);
        return result;
    }

    private static void assertNoToken(OpsFixture.Result result) {
        for (String secret : new String[] {SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN, SimulatorDefaults.PASSWORD,
                OpsFixture.WEBHOOK_TOKEN, "unknown-partner-0001", "sim-partner"}) {
            assertFalse(result.all().contains(secret), "the output shows a credential: " + secret);
        }
    }

    @Test
    void aHealthySetupIsAllGreenAndTheTestDeliveryIsStored() {
        OpsFixture.Result result = doctor("healthy", "--webhook-url", fixture.webhookUrl());
        assertEquals(0, result.code(), result.all());
        assertFalse(result.out().contains("❌"));
        assertTrue(result.out().contains("✅ partner token accepted"));
        assertTrue(result.out().contains("5 services and 3 staff found"));
        assertTrue(result.out().contains("✅ test delivery"));
        assertTrue(result.out().contains("All checks passed"));
        assertTrue(fixture.records.get(DEMO_SALON_ID, Doctor.PROBE_RECORD_ID).orElseThrow().deleted());
    }

    @Test
    void jsonIsMachineReadable() throws IOException {
        OpsFixture.Result result = doctor("json", "--json");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertTrue(json.get("ok").asBoolean());
        assertEquals(0, json.get("exitCode").asInt());
        assertEquals("partner-token", json.get("checks").get(2).get("id").asText());
    }

    @Test
    void anUnknownPartnerTokenInRussianNamesTheMarketplaceKey() {
        fixture.env.put("YCLIENTS_PARTNER_TOKEN", "unknown-partner-0001");
        OpsFixture.Result result = doctor("unknown partner token (RU)");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ partner token accepted"));
        assertTrue(result.out().contains("Не указан идентификатор партнера"));
        assertTrue(result.out().contains("set YCLIENTS_PARTNER_TOKEN (partnerToken in a deployed secret) to the API key"));
        assertTrue(result.out().contains("without spaces"));
    }

    @Test
    void anUnknownPartnerTokenInEnglishToo() {
        fixture.sim.messages(MessageLanguage.EN);
        fixture.env.put("YCLIENTS_PARTNER_TOKEN", "unknown-partner-0001");
        OpsFixture.Result result = doctor("unknown partner token (EN)", "--json");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("Partner ID not specified"));
        assertTrue(result.out().contains("\"status\" : \"FAIL\""));
    }

    @Test
    void aUserWithoutRightsIsSentToSettingsUsers() {
        fixture.sim.revokeRights(SimulatorDefaults.USER_TOKEN, DEMO_SALON_ID);
        OpsFixture.Result result = doctor("user without rights");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ company 235564: management rights"));
        assertTrue(result.out().contains("Нет прав на управление компанией"));
        assertTrue(result.out().contains("Settings → Users"));
    }

    @Test
    void aLapsedLicenceIsSentToTheOwnersBillingNotToUserRights() {
        fixture.sim.faults().on("/company/235564/services").always(Fault.status(402, "Необходимо продлить лицензию"));
        OpsFixture.Result result = doctor("lapsed licence");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ company 235564: YClients licence"), result.out());
        assertTrue(result.out().contains("Необходимо продлить лицензию") && result.out().contains("renews it"), result.out());
        assertFalse(result.out().contains("❌ company 235564: management rights"), result.out());
    }

    @Test
    void anHtmlRedirectPointsAtTheBaseUrl() {
        fixture.sim.faults().always(Fault.htmlRedirect());
        OpsFixture.Result result = doctor("HTML redirect");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ API at " + fixture.sim.baseUri() + " answers JSON"));
        assertTrue(result.out().contains("set YCLIENTS_BASE_URL"));
    }

    @Test
    void aTokenWithASpaceIsNamedWithoutBeingShown() {
        fixture.env.put("YCLIENTS_PARTNER_TOKEN", "sim-partner token");
        OpsFixture.Result result = doctor("token with a space");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ YClients credentials"));
        assertTrue(result.out().contains("YCLIENTS_PARTNER_TOKEN"));
        assertTrue(result.out().contains("without spaces"));
    }

    @Test
    void aMissingCompanyIdListsTheCompaniesTheTokenManages() {
        fixture.env.remove("COMPANY_IDS");
        OpsFixture.Result result = doctor("missing company id");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ company ids configured"));
        assertTrue(result.out().contains("235564 (Demo Salon)"));
    }

    @Test
    void aLoginWithTwoFactorAsksForAUserToken() {
        fixture.env.remove("YCLIENTS_USER_TOKEN");
        fixture.env.put("YCLIENTS_LOGIN", SimulatorDefaults.LOGIN);
        fixture.env.put("YCLIENTS_PASSWORD", SimulatorDefaults.PASSWORD);
        fixture.sim.requireTwoFactor(SimulatorDefaults.LOGIN, true);
        OpsFixture.Result result = doctor("login with two-factor");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ user token obtained by login and password"));
        assertTrue(result.out().contains("two-factor"));
    }

    @Test
    void aLoginWithoutTwoFactorObtainsAToken() {
        fixture.env.remove("YCLIENTS_USER_TOKEN");
        fixture.env.put("YCLIENTS_LOGIN", SimulatorDefaults.LOGIN);
        fixture.env.put("YCLIENTS_PASSWORD", SimulatorDefaults.PASSWORD);
        OpsFixture.Result result = doctor("login");
        assertEquals(0, result.code(), result.all());
        assertTrue(result.out().contains("✅ user token obtained by login and password"));
    }

    @Test
    void webhooksSwitchedOffOrAWrongWebhookTokenFail() {
        fixture.env.put("BOOKING_FORMS", "1:n1.yclients.com");
        OpsFixture.Result result = doctor("no booking form, wrong webhook token", "--webhook-url",
                fixture.webhookUrl().replace(OpsFixture.WEBHOOK_TOKEN, "wrong-token-000000000"));
        assertEquals(1, result.code());
        assertTrue(result.out().contains("❌ company 235564: booking form"));
        assertTrue(result.out().contains("❌ company 235564: webhook registered"));
        assertTrue(result.out().contains("answered HTTP 401"));
    }

    @Test
    void theDemoChainsLoyaltyCardsAreGreen() {
        fixture.env.put("LOYALTY_CARDS", DEMO_SALON_ID + ":" + DEMO_CHAIN_ID + ":" + DEMO_CARD_TYPE_ID);
        OpsFixture.Result result = doctor("loyalty cards", "--webhook-url", fixture.webhookUrl());
        assertEquals(0, result.code(), result.all());
        assertTrue(result.out().contains("✅ company 235564: loyalty card type 10992\n   Бонусы приложения, of chain 145071"), result.out());
        assertTrue(result.out().contains("✅ company 235564: cards of chain 145071 can be looked up\n   a test lookup for a made-up phone "
                + "answered (0 cards)"), result.out());
        assertTrue(result.out().contains("All checks passed\n"), result.out());
        assertFalse(result.out().contains(Doctor.PROBE_PHONE));
    }

    @Test
    void anUnknownCardTypeFailsNamingTheTypesTheChainHas() {
        fixture.env.put("LOYALTY_CARDS", DEMO_SALON_ID + ":" + DEMO_CHAIN_ID + ":99999");
        OpsFixture.Result result = doctor("unknown card type", "--json");
        assertEquals(1, result.code(), result.all());
        assertTrue(result.out().contains("\"id\" : \"loyalty-card-type-235564\",\n    \"status\" : \"FAIL\""), result.out());
        assertTrue(result.out().contains("the company's chain has: 10992 (Бонусы приложения)"), result.out());
        assertTrue(result.out().contains("set the card type in LOYALTY_CARDS to one of the company's chain"), result.out());
    }

    @Test
    void aCardsCompanyOutsideCompanyIdsWarnsAndALookupWithoutRightsNamesTheRight() {
        fixture.env.put("LOYALTY_CARDS", DEMO_SALON_ID + ":" + DEMO_CHAIN_ID + ":" + DEMO_CARD_TYPE_ID + "," + DEMO_BRANCH_ID + ":"
                + DEMO_CHAIN_ID + ":" + DEMO_CARD_TYPE_ID);
        OpsFixture.Result outside = doctor("loyalty company outside COMPANY_IDS", "--webhook-url", fixture.webhookUrl());
        assertEquals(0, outside.code(), outside.all());
        assertTrue(outside.out().contains("⚠️  company 1169323: loyalty cards\n   LOYALTY_CARDS names company 1169323, the configured "
                + "companies do not\n   fix: add 1169323 to COMPANY_IDS"), outside.out());
        assertTrue(outside.out().contains("✅ company 1169323: cards of chain 145071 can be looked up"), outside.out());
        assertTrue(outside.out().contains("All checks passed (1 warning)"), outside.out());

        fixture.sim.revokeRights(SimulatorDefaults.USER_TOKEN, DEMO_SALON_ID);
        OpsFixture.Result noRights = doctor("loyalty cards without rights");
        assertEquals(1, noRights.code());
        assertTrue(noRights.out().contains("❌ company 235564: cards of chain 145071 can be looked up"), noRights.out());
        assertTrue(noRights.out().contains("\"loyalty cards: manual top-up and deduction\" (loyalty_cards_manual_transactions_access) and "
                + "management rights in every company of chain 145071"), noRights.out());
        assertTrue(noRights.out().contains("<test phone>"), noRights.out());
        assertFalse(noRights.out().contains(Doctor.PROBE_PHONE));
    }

    @Test
    void withoutAUserTokenTheLoyaltyChecksWarnOnce() {
        fixture.env.put("LOYALTY_CARDS", DEMO_SALON_ID + ":" + DEMO_CHAIN_ID + ":" + DEMO_CARD_TYPE_ID);
        fixture.env.remove("YCLIENTS_USER_TOKEN");
        OpsFixture.Result result = doctor("loyalty cards without a user token");
        assertEquals(1, result.code());
        assertTrue(result.out().contains("⚠️  loyalty cards\n   the loyalty checks need the user token"), result.out());
        assertFalse(result.out().contains("loyalty card type"), result.out());
    }

    @Test
    void anEnvFileIsReadAndNoSourceAtAllIsAUsageError() throws IOException {
        Path file = Files.createTempFile("ycbridge", ".env");
        Files.writeString(file, "YCLIENTS_PARTNER_TOKEN=" + SimulatorDefaults.PARTNER_TOKEN + "\nYCLIENTS_USER_TOKEN=\""
                + SimulatorDefaults.USER_TOKEN + "\"\nYCLIENTS_BASE_URL=" + fixture.sim.baseUri() + "\n");
        fixture.env.remove("YCLIENTS_PARTNER_TOKEN");
        fixture.env.remove("YCLIENTS_USER_TOKEN");
        fixture.env.remove("YCLIENTS_SECRET_SOURCE");
        assertEquals(0, doctor("env file", "--env-file", file.toString()).code());
        assertEquals(2, doctor("no source").code());
        assertEquals(2, doctor("bad option", "--nope").code());
    }

    @Test
    void aBadEnvFileLineIsAUsageErrorNamingTheLineNotItsText() throws IOException {
        Path file = Files.createTempFile("ycbridge", ".env");
        Files.writeString(file, "# credentials\nYCLIENTS_PARTNER_TOKEN=" + SimulatorDefaults.PARTNER_TOKEN + "\n"
                + SimulatorDefaults.USER_TOKEN + "\n");
        OpsFixture.Result result = doctor("bad env file", "--env-file", file.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains(file + " line 3 is not KEY=value"), result.err());
    }
}

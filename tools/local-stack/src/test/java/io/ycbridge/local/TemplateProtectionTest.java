package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What protects the data and the open route once deployed: the tables of record survive the stack and can be
 * restored, everything is encrypted at rest, the webhook route has its own throttle and an optional concurrency cap
 * that is off by default, the access log never holds the webhook's token, and every checkov skip says why.
 */
class TemplateProtectionTest {
    /**
     * Tables holding data nobody else has: records, the bonus ledger, user links, profiles, the app's bookings, and the
     * loyalty cards' posted markers (the only proof a manual transaction is on a card).
     */
    private static final Set<String> OF_RECORD = Set.of("RecordsTable", "BonusLedgerTable", "UserLinksTable", "ProfilesTable",
            "BookingsTable", "LoyaltyCardsTable");
    /** Tables rebuilt from YClients or expiring by themselves; their checkov skips of CKV_AWS_28 say why. */
    private static final Set<String> REBUILT = Set.of("CatalogTable", "SyncStateTable", "PhoneVerificationsTable", "PushTable");
    private static final Pattern CONTEXT_VARIABLE = Pattern.compile("\\$context\\.[A-Za-z0-9_.]+");
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws Exception {
        TemplateFunctionsTest.readTemplate();
        template = TemplateFunctionsTest.template();
    }

    private static Set<String> ids(String type) {
        Set<String> ids = new TreeSet<>();
        template.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    private static JsonNode resource(String id) {
        return template.path("Resources").path(id);
    }

    @Test
    void everyTableIsEitherOfRecordOrSaidToBeRebuilt() {
        // A new table fails here until someone decides whether losing it loses data.
        Set<String> classified = new TreeSet<>(OF_RECORD);
        classified.addAll(REBUILT);
        assertEquals(classified, ids("AWS::DynamoDB::Table"));
    }

    @Test
    void theTablesOfRecordSurviveTheStackAndCanBeRestored() {
        for (String table : OF_RECORD) {
            JsonNode resource = resource(table);
            assertEquals("Retain", resource.path("DeletionPolicy").asText(), table + ": kept when the stack is deleted");
            assertEquals("Retain", resource.path("UpdateReplacePolicy").asText(), table + ": kept when an update replaces it");
            assertTrue(resource.path("Properties").path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(),
                    table + ": point-in-time recovery on");
        }
        for (String table : REBUILT) {
            assertTrue(skips(table).contains("CKV_AWS_28"), table + ": says why it has no point-in-time recovery");
        }
    }

    @Test
    void tablesAndQueuesAreEncryptedAtRestWithoutKeysToGrant() {
        for (String table : ids("AWS::DynamoDB::Table")) {
            JsonNode sse = resource(table).path("Properties").path("SSESpecification");
            assertTrue(sse.path("SSEEnabled").asBoolean(), table);
            assertEquals("KMS", sse.path("SSEType").asText(), table);
            assertFalse(sse.has("KMSMasterKeyId"), table + ": the AWS managed key, which needs no key policy");
        }
        for (String queue : ids("AWS::SQS::Queue")) {
            assertTrue(resource(queue).path("Properties").path("SqsManagedSseEnabled").asBoolean(), queue + ": SSE-SQS");
            assertFalse(resource(queue).path("Properties").has("KmsMasterKeyId"), queue);
        }
    }

    @Test
    void theOpenWebhookRouteHasItsOwnThrottleAndTheAppRoutesKeepTheDefault() {
        SamTemplate sam = SamTemplate.read(TemplateFunctionsTest.templatePath());
        List<SamTemplate.HttpRoute> open = sam.httpRoutes().stream().filter(route -> !route.authorized()).toList();
        assertEquals(1, open.size(), "the webhook is the one route without the app's authorizer: " + open);
        JsonNode api = resource("HttpApi").path("Properties");
        JsonNode settings = api.path("RouteSettings").path(open.get(0).routeKey());
        assertFalse(settings.isMissingNode(), "RouteSettings names " + open.get(0).routeKey() + " exactly as its route key");
        assertEquals(1, api.path("RouteSettings").size(), "only the open route is throttled apart");
        for (String[] limit : List.of(new String[] {"ThrottlingRateLimit", "WebhookThrottleRate"},
                new String[] {"ThrottlingBurstLimit", "WebhookThrottleBurst"})) {
            assertEquals(limit[1], settings.path(limit[0]).asText());
            JsonNode parameter = template.path("Parameters").path(limit[1]);
            assertTrue(parameter.path("Default").asInt() > 0, limit[1] + " has a default");
            assertTrue(parameter.path("Default").asInt() <= api.path("DefaultRouteSettings").path(limit[0]).asInt(),
                    limit[1] + ": the open route gets no more than an app route");
        }
        assertTrue(api.path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt() > 0, "the app routes keep theirs");
    }

    @Test
    void theWebhooksReservedConcurrencyIsOptionalAndOffByDefault() {
        // A default reservation fails the first deployment on a new account (low quota, 100 kept unreserved).
        JsonNode reserved = resource("WebhookIntakeFunction").path("Properties").path("ReservedConcurrentExecutions");
        assertEquals("[\"ReserveWebhookConcurrency\",\"WebhookReservedConcurrency\",\"AWS::NoValue\"]", reserved.toString(),
                "!If [ReserveWebhookConcurrency, !Ref WebhookReservedConcurrency, !Ref AWS::NoValue]");
        assertEquals("", template.path("Parameters").path("WebhookReservedConcurrency").path("Default").asText("missing"));
        assertEquals("[[\"WebhookReservedConcurrency\",\"\"]]", template.path("Conditions").path("ReserveWebhookConcurrency").toString());
        for (String function : ids("AWS::Serverless::Function")) {
            if (!function.equals("WebhookIntakeFunction")) {
                assertFalse(resource(function).path("Properties").has("ReservedConcurrentExecutions"), function);
            }
        }
    }

    @Test
    void theStackNeverWritesTheSecretsValueSoNoTemplateChangeCanReplaceTheTokens() {
        // A GenerateSecretString the stack owns is generated anew, the whole value with it, when that property changes;
        // a SecretString would put tokens in the template. The operator writes the value; rotate-webhook-token the token.
        JsonNode secret = resource("YClientsSecret");
        assertTrue(!secret.path("Properties").has("GenerateSecretString") && !secret.path("Properties").has("SecretString"),
                "YClientsSecret must be created without a value: " + secret.path("Properties"));
        assertEquals("Retain", secret.path("DeletionPolicy").asText(), "deleting the stack must not delete the operator's tokens");
        assertEquals("Retain", secret.path("UpdateReplacePolicy").asText());
        // Every function that reads the secret may decrypt it under a customer managed key, through Secrets Manager only.
        for (String function : List.of("WebhookIntakeFunction", "CatalogSyncFunction")) {
            String policies = resource(function).path("Properties").path("Policies").toString();
            assertTrue(policies.contains("secretsmanager:GetSecretValue") && policies.contains("kms:Decrypt")
                    && policies.contains("kms:ViaService") && policies.contains("SecretKmsKey"), function + ": " + policies);
        }
    }

    @Test
    void theAccessLogNamesIntegrationErrorsAndNeverThePath() {
        String format = resource("HttpApi").path("Properties").path("AccessLogSettings").path("Format").asText();
        assertTrue(format.contains("\"integrationError\":\"$context.integrationErrorMessage\""), format);
        Matcher variable = CONTEXT_VARIABLE.matcher(format);
        List<String> variables = new ArrayList<>();
        while (variable.find()) {
            variables.add(variable.group());
        }
        assertTrue(variables.contains("$context.routeKey"), "the route key, which names {token} without its value");
        for (String name : variables) {
            assertFalse(name.toLowerCase(Locale.ROOT).contains("path"), name + " would log the webhook's secret token");
        }
    }

    private static Set<String> skips(String id) {
        Set<String> ids = new TreeSet<>();
        resource(id).path("Metadata").path("checkov").path("skip").forEach(skip -> ids.add(skip.path("id").asText()));
        return ids;
    }

    @Test
    void everyCheckovSkipNamesItsCheckAndItsReason() {
        int skips = 0;
        for (var entry : template.path("Resources").properties()) {
            for (JsonNode skip : entry.getValue().path("Metadata").path("checkov").path("skip")) {
                skips++;
                assertTrue(skip.path("id").asText().matches("CKV_AWS_\\d+"), entry.getKey() + ": " + skip);
                assertTrue(skip.path("comment").asText().length() >= 80, entry.getKey() + " " + skip.path("id").asText()
                        + ": a skip needs its reason, was: " + skip.path("comment").asText());
            }
        }
        assertTrue(skips > 0);
    }
}

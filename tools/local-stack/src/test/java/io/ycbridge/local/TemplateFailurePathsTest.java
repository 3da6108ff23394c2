package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where a failure goes once deployed, which no linter checks: the sync queue against Lambda's SQS guidance, the
 * schedule's failed ticks, and the secret parameter's form. (The YAML reader drops CloudFormation's tags, so
 * {@code !GetAtt X.Arn} reads as "X.Arn".)
 */
class TemplateFailurePathsTest {
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws Exception {
        TemplateFunctionsTest.readTemplate();
        template = TemplateFunctionsTest.template();
    }

    private static JsonNode resource(String id) {
        JsonNode resource = template.path("Resources").path(id);
        assertFalse(resource.isMissingNode(), id + " is in the template");
        return resource.path("Properties");
    }

    private static int timeout(String function) {
        JsonNode own = resource(function).path("Timeout");
        return own.isMissingNode() ? template.path("Globals").path("Function").path("Timeout").asInt() : own.asInt();
    }

    @Test
    void theSyncQueueFollowsLambdasSqsGuidance() {
        // docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
        JsonNode queue = resource("SyncQueue");
        int visibility = queue.path("VisibilityTimeout").asInt();
        int receives = queue.path("RedrivePolicy").path("maxReceiveCount").asInt();
        assertTrue(visibility >= 6 * timeout("CatalogSyncFunction"),
                "visibility " + visibility + " s is at least six times the worker's timeout " + timeout("CatalogSyncFunction") + " s");
        assertTrue(receives >= 5, "a message is redriven after 5 receives at least, was " + receives);
        assertTrue(queue.path("MessageRetentionPeriod").asInt() > visibility * receives,
                "a message lives long enough to reach the dead-letter queue, not expire on the way");
        assertEquals("SyncDeadLetterQueue.Arn", queue.path("RedrivePolicy").path("deadLetterTargetArn").asText());
    }

    @Test
    void aFailedScheduleTickLandsInItsOwnQueueWhetherTheInvocationOrTheFunctionFailed() {
        JsonNode function = resource("SyncScheduleFunction");
        JsonNode schedule = function.path("Events").path("Schedule").path("Properties");
        String delivery = schedule.path("DeadLetterConfig").path("Arn").asText();
        JsonNode onFailure = function.path("EventInvokeConfig").path("DestinationConfig").path("OnFailure");
        // The scheduler invokes asynchronously: its DLQ covers delivery only, the function's failures need the destination.
        assertEquals("SQS", onFailure.path("Type").asText());
        assertEquals(delivery, onFailure.path("Destination").asText(), "both kinds of lost tick go to one queue");
        assertEquals("ScheduleDeadLetterQueue.Arn", delivery);
        assertNotEquals(resource("SyncQueue").path("RedrivePolicy").path("deadLetterTargetArn").asText(), delivery,
                "ticks and companies are kept apart");
        assertTrue(function.path("EventInvokeConfig").path("MaximumRetryAttempts").asInt(-1) >= 0);
    }

    @Test
    void everyFunctionLogsToItsOwnGroupWithRetentionThatExistsBeforeItsFirstInit() {
        // With SnapStart, init (and its INIT_REPORT line) runs when the version is published; a group named after the
        // function and created after it would race Lambda's own, so each function names a group that does not name it.
        Set<String> groups = new HashSet<>();
        List<String> functions = TemplateFunctionsTest.functionIds();
        for (String id : functions) {
            String group = resource(id).path("LoggingConfig").path("LogGroup").asText();
            assertEquals(id + "Logs", group, id + ": LoggingConfig.LogGroup is !Ref of its own log group");
            assertTrue(groups.add(group), group + " serves one function");
            assertEquals("AWS::Logs::LogGroup", template.path("Resources").path(group).path("Type").asText());
            JsonNode properties = resource(group);
            assertTrue(properties.has("RetentionInDays"), group + " keeps logs for a set time, not forever");
            String name = properties.path("LogGroupName").asText();
            assertTrue(name.contains("${AWS::StackName}"), group + ": unique per stack, was " + name);
            for (String function : functions) {
                assertFalse(name.contains("${" + function + "}"), group + ": a name that refers to a function is a cycle: " + name);
            }
        }
        assertEquals(17, groups.size());
    }

    @Test
    void theSecretParameterTakesAFullArnOrNothing() {
        JsonNode parameter = template.path("Parameters").path("YClientsSecretArn");
        assertEquals("", parameter.path("Default").asText("missing"));
        // CloudFormation matches AllowedPattern against the whole value, as Java's matches() does.
        Pattern allowed = Pattern.compile(parameter.path("AllowedPattern").asText());
        for (String good : List.of("", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:ycbridge/yclients-AbCdEf",
                "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:yc-1a2B3c")) {
            assertTrue(allowed.matcher(good).matches(), good);
        }
        for (String bad : List.of("ycbridge/yclients", "arn:aws:secretsmanager:eu-central-1:123456789012:ycbridge",
                "arn:aws:secretsmanager:eu-central-1:1234:secret:x", " arn:aws:secretsmanager:eu-central-1:123456789012:secret:x",
                "arn:aws:ssm:eu-central-1:123456789012:parameter/x")) {
            assertFalse(allowed.matcher(bad).matches(), bad);
        }
    }
}

package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.iam.PermissionLog;
import io.ycbridge.iam.PermissionUse;
import io.ycbridge.iam.ResourceArns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every AWS call a deployed handler made in the tests of this build is granted by its function's Policies in
 * template.yaml, and every grant there was used by some test. The calls were recorded on the real SDK clients against
 * DynamoDB Local and moto by lambda-common's test jar (io.ycbridge.iam), per test JVM, under each module's
 * target/iam-calls/: the modules that hold the functions' code (their CodeUri) and this one, whose local stack runs
 * every handler end to end. An integration test so that it runs after this module's own tests have recorded theirs;
 * the function modules are built before this one, which depends on them.
 *
 * <p>A grant is unused only if no test at all reached it, so that half needs every recording, from this build and
 * from unfiltered runs: a filtered build (-Dtest, -Dit.test) skips it and says why; an unfiltered one that lacks a
 * recording (a module whose tests did not run in this build) fails and names it. The other half holds for any fresh
 * recording.
 */
class IamGrantsIT {
    /**
     * Grants kept though no test makes the call, each with its reason. Every entry is a permission nobody sees used, so
     * keep it short; the check reports an entry that no longer explains anything.
     */
    static final List<GrantCheck.Unrecorded> UNRECORDED = Stream.concat(Stream.of(
            new GrantCheck.Unrecorded("CatalogSyncFunction", "dynamodb:GetItem", ResourceArns.table("RecordsTable"),
                    "RecordStore reads the stored version when a refused write comes back without it; every sync write is"
                            + " conditioned on attribute_not_exists or an older version, so a refusal means the item exists, and"
                            + " DynamoDB and DynamoDB Local return it (ReturnValuesOnConditionCheckFailure=ALL_OLD). The read"
                            + " is for an emulator that does not, and kept so that such a refusal is classified, not AccessDenied."),
            new GrantCheck.Unrecorded("OnlineBookingFunction", "secretsmanager:GetSecretValue", ResourceArns.secret("YClientsSecret"),
                    "the route tests give the service the secret from the environment; LambdaRuntimeIT invokes the deployed"
                            + " function, which reads the secret by ARN from moto, in the emulator's JVM where no recorder runs"),
            new GrantCheck.Unrecorded("VisitsFunction", "secretsmanager:GetSecretValue", ResourceArns.secret("YClientsSecret"),
                    "as OnlineBookingFunction's: the secret is read where the visits call the API (cancel, move), which the"
                            + " route tests make with the environment's secret; LambdaRuntimeIT's invocation reads it from moto"),
            new GrantCheck.Unrecorded("LoyaltyMirrorFunction", "secretsmanager:GetSecretValue", ResourceArns.secret("YClientsSecret"),
                    "as OnlineBookingFunction's: the handler tests give the mirror the environment's secret; LambdaRuntimeIT's"
                            + " invocation posts to a card with the secret read from moto"),
            new GrantCheck.Unrecorded("LoyaltyCycleFunction", "secretsmanager:GetSecretValue", ResourceArns.secret("YClientsSecret"),
                    "as LoyaltyMirrorFunction's; LambdaRuntimeIT's invocation reads the chain's feed with the secret from moto"),
            new GrantCheck.Unrecorded("VisitEventsFunction", "events:PutEvents", ResourceArns.arn("events", "event-bus/EventBus"),
                    "EventBridgeBus sends PutEvents as a SignedAwsCall of the JSON protocol, which no interceptor sees and the"
                            + " recording HTTP client reads only in the Query protocol's form; EventBridgeDeliveryTest makes the call"
                            + " against moto's EventBridge through the handler built from its environment, and a consumer's rule"
                            + " receives the event"),
            new GrantCheck.Unrecorded("BonusEventsFunction", "events:PutEvents", ResourceArns.arn("events", "event-bus/EventBus"),
                    "as VisitEventsFunction's"),
            new GrantCheck.Unrecorded("LoyaltyCycleFunction", "events:PutEvents", ResourceArns.arn("events", "event-bus/EventBus"),
                    "as VisitEventsFunction's: the BonusExpiring notices go through the same EventBridgeBus")),
            TemplateFunctionsTest.functionIdsOf(CloudFormationYaml.read(TemplateFunctionsTest.templatePath())).stream().map(function ->
                    new GrantCheck.Unrecorded(function, "ssm:GetParameter", "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/SettingsParameter",
                            "LiveSettings reads the settings with a SignedAwsCall, not an SDK client, so no interceptor sees it;"
                                    + " TemplateSettingsTest holds every function's role to the grant, SsmParameterTest and"
                                    + " CatalogSettingsReloadTest make the read against moto's SSM"))).toList();

    private static Path root;
    private static JsonNode template;
    private static Map<String, FunctionPolicies.Function> functions;
    private static GrantCheck check;

    @BeforeAll
    static void readTemplate() {
        Path file = TemplateFunctionsTest.templatePath();
        root = file.getParent();
        template = CloudFormationYaml.read(file);
        functions = FunctionPolicies.read(template);
        check = new GrantCheck(functions, FunctionPolicies.logicalIds(template));
    }

    /** The modules whose tests run the functions' handlers: each function's code module, and this one. */
    private static Set<Path> modules() {
        Set<Path> modules = new LinkedHashSet<>();
        for (FunctionPolicies.Function function : functions.values()) {
            String codeUri = function.codeUri();
            assertTrue(codeUri.contains("/target/"), function.id() + ": CodeUri is a module's built jar, was " + codeUri);
            modules.add(root.resolve(codeUri.substring(0, codeUri.indexOf("/target/"))));
        }
        modules.add(root.resolve("tools/local-stack"));
        return modules;
    }

    private static String build() {
        String build = System.getProperty(PermissionLog.BUILD_PROPERTY, "");
        assumeFalse(build.isBlank(), "no build stamp (" + PermissionLog.BUILD_PROPERTY + "): run under Maven, which records the calls");
        return build;
    }

    private static List<PermissionLog.Recording> recordings(Path module) {
        Path own = Path.of(System.getProperty(PermissionLog.FILE_PROPERTY, "-")).toAbsolutePath();
        Path dir = module.resolve("target/iam-calls");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // This JVM's own file is still being written; the local stack's handlers run under surefire, before it.
            return files.filter(file -> file.toString().endsWith(".tsv") && !file.toAbsolutePath().equals(own)).sorted()
                    .map(PermissionLog::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PermissionUse> uses(List<PermissionLog.Recording> recordings) {
        return recordings.stream().flatMap(recording -> recording.uses().stream()).toList();
    }

    @Test
    void everyCallAHandlerMadeIsGrantedByItsFunctionsPolicies() {
        String build = build();
        List<PermissionLog.Recording> fresh = modules().stream().flatMap(module -> recordings(module).stream())
                .filter(recording -> recording.build().equals(build)).toList();
        assumeFalse(uses(fresh).isEmpty(), "no handler made a recorded call in this build");

        List<String> problems = check.ungranted(uses(fresh));

        assertTrue(problems.isEmpty(), problems.size() + " calls the template does not grant:\n" + String.join("\n", problems));
    }

    @Test
    void everyGrantInThePoliciesWasUsedByATest() {
        String build = build();
        List<String> incomplete = new ArrayList<>();
        List<PermissionLog.Recording> all = new ArrayList<>();
        for (Path module : modules()) {
            List<PermissionLog.Recording> recordings = recordings(module);
            if (recordings.isEmpty()) {
                incomplete.add(root.relativize(module) + " has no recording: its tests did not run in this build");
            }
            for (PermissionLog.Recording recording : recordings) {
                if (!recording.build().equals(build)) {
                    incomplete.add(root.relativize(recording.file()) + " is from build " + recording.build() + ", not this one (" + build
                            + "): its tests did not run in this build (a file no test run writes any more goes with mvn clean)");
                } else if (!recording.filters().isBlank()) {
                    incomplete.add(root.relativize(recording.file()) + " was recorded with " + recording.filters() + ", which may leave tests out");
                }
            }
            all.addAll(recordings);
        }
        if (!incomplete.isEmpty()) {
            String reason = "whether a grant is unused needs every module's recordings from this build's full test run:\n"
                    + String.join("\n", incomplete);
            boolean filtered = PermissionLog.FILTER_PROPERTIES.stream().anyMatch(name -> !System.getProperty(name, "").isBlank());
            assumeTrue(!filtered, reason);
            fail(reason);
        }

        List<String> problems = check.unused(uses(all), UNRECORDED);

        assertTrue(problems.isEmpty(), problems.size() + " grants no test used:\n" + String.join("\n", problems));
    }

    /**
     * Why no Policies statement grants a function's on-failure destination: Lambda sends to it with the function's
     * execution role (docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html: "your execution role must
     * have permissions for the destination", sqs:SendMessage for a queue), and SAM writes that grant itself when the
     * destination names its Type: for an event source's DestinationConfig (samtranslator/model/eventsources/pull.py,
     * "SAM attaches the policies for SQS or SNS only if 'Type' is given") and for EventInvokeConfig (the OnFailure
     * reference: "SAM will add any necessary permissions to the auto-generated IAM Role"). Without the Type, nothing
     * grants it, and no test of ours sends there to notice.
     */
    @Test
    void everyOnFailureDestinationNamesItsTypeSoSamGrantsTheSend() {
        int destinations = 0;
        for (FunctionPolicies.Function function : functions.values()) {
            JsonNode properties = template.path("Resources").path(function.id()).path("Properties");
            List<JsonNode> configs = new ArrayList<>();
            properties.path("Events").forEach(event -> configs.add(event.path("Properties").path("DestinationConfig")));
            configs.add(properties.path("EventInvokeConfig").path("DestinationConfig"));
            for (JsonNode config : configs) {
                for (String outcome : List.of("OnFailure", "OnSuccess")) {
                    JsonNode destination = config.path(outcome);
                    if (destination.isMissingNode()) {
                        continue;
                    }
                    destinations++;
                    assertTrue(Set.of("SQS", "SNS", "S3", "Lambda", "EventBridge").contains(destination.path("Type").asText()),
                            function.id() + "'s " + outcome + " destination " + FunctionPolicies.written(destination.path("Destination"))
                                    + " names no Type: add one, so SAM grants the execution role the send");
                }
            }
        }
        assertEquals(7, destinations, "SyncScheduleFunction's, LoyaltyCycleFunction's and PushNotifierFunction's failed"
                + " invocations, BonusAccrualFunction's, LoyaltyMirrorFunction's, VisitEventsFunction's and BonusEventsFunction's failed batches");
    }
}

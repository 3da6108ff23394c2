package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shaded jars leave out the SDK's table of every AWS service's endpoints (see the shade filter in the root pom),
 * which is safe only while the SDK never reads it. Local runs always override endpoints, so they cannot show that;
 * here every function runs from its shaded jar under the real runtime interface client with NO endpoint override, as
 * in AWS, so each client resolves its production endpoint. Name resolution is cut off (a hosts file with only localhost), so
 * every first AWS call fails on the host name — and it must fail on that, never on a missing class.
 */
class ProductionEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MISSING_CLASS = Pattern.compile("NoClassDefFoundError|ClassNotFoundException|ExceptionInInitializerError|LinkageError");
    private static Path root;
    private static Path envFile;

    @BeforeAll
    static void environment() throws Exception {
        root = TemplateFunctionsTest.templatePath().getParent();
        RuntimeEmulator.require(root);
        TemplateFunctionsTest.readTemplate();
        Path hosts = Files.createTempFile("ycbridge-no-hosts", ".txt");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        String noDns = "-Djdk.net.hosts.file=" + hosts + " -XX:+TieredCompilation -XX:TieredStopAtLevel=1";
        Map<String, Object> sections = new java.util.LinkedHashMap<>();
        sections.put("Parameters", Map.of(
                "YCLIENTS_SECRET_ARN", "arn:aws:secretsmanager:eu-central-1:000000000000:secret:ycbridge-AbCdEf",
                "COMPANY_IDS", "235564,1169323",
                "BOOKING_FORMS", "235564:n239661.yclients.com",
                "SYNC_QUEUE_URL", "https://sqs.eu-central-1.amazonaws.com/000000000000/ycbridge-sync"));
        for (String function : TemplateFunctionsTest.functionIds()) {
            sections.put(function, Map.of("JAVA_TOOL_OPTIONS", noDns));
        }
        envFile = Files.createTempFile("ycbridge-env", ".json");
        Files.writeString(envFile, JSON.writeValueAsString(sections));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // Secrets Manager first, then DynamoDB.
            "WebhookIntakeFunction, events/webhook-intake/record-created.json",
            // SQS: the schedule fans out.
            "SyncScheduleFunction, events/sync-schedule/schedule.json",
            "BonusAccrualFunction, events/bonus-accrual/record-completed.json",
            "ProfileFunction, events/profile/profile.json",
            "PhoneVerificationFunction, events/phone-verification/send-code.json",
            "BonusBalanceFunction, events/bonus-balance/my-balance.json",
            "BookingLinkFunction, events/booking-link/service-and-staff.json",
            "CatalogFunction, events/catalog/catalog.json"})
    void theFirstAwsCallFailsOnTheHostNameNotOnAMissingClass(String function, String event) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("tools/lambda-local").toString(), "invoke", function,
                "-e", root.resolve(event).toString(), "--env-vars", envFile.toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_REGION", "eu-central-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDPRODUCTIONPATH");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "production-path-test");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), function + " did not finish");

        assertFalse(MISSING_CLASS.matcher(output).find(), function + " reached a class the jar leaves out:\n" + output);
        // The functions name only the exception's class (its message may carry a URL); the SDK's own wording for a
        // host that does not resolve is "UnknownHostException".
        assertTrue(output.contains("UnknownHostException") || output.contains("SdkClientException"),
                function + " should have failed on the AWS host name:\n" + output);
    }
}

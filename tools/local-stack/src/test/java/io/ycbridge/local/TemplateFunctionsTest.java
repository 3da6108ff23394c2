package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * template.yaml against the code, function by function: the handler class exists and is a stream handler with one
 * {@code handleRequest}, in the module whose jar CodeUri names; every variable the template sets is one the code reads; and the handler builds from
 * the template's environment alone, so nothing the code requires is missing. (Tables: TemplateTablesTest.)
 */
class TemplateFunctionsTest {
    // Set by Lambda itself or read by the JVM, not by our code.
    private static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws Exception {
        template = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(templatePath()));
    }

    /** The template as read by {@link #readTemplate}, for the other template checks. */
    static JsonNode template() {
        return template;
    }

    static Path templatePath() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    static List<String> functionIds() {
        return functionIdsOf(template);
    }

    /** The AWS::Serverless::Function ids of a template read by any reader. */
    static List<String> functionIdsOf(JsonNode template) {
        List<String> ids = new ArrayList<>();
        template.path("Resources").properties().forEach(entry -> {
            if ("AWS::Serverless::Function".equals(entry.getValue().path("Type").asText())) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    @Test
    void everyHandlerClassOfTheReactorHasAFunction() {
        Set<String> handlers = new TreeSet<>();
        for (String id : functionIds()) {
            handlers.add(properties(id).path("Handler").asText().replace("::handleRequest", ""));
        }
        assertEquals(new TreeSet<>(List.of(
                "io.ycbridge.bonus.BonusAccrualHandler", "io.ycbridge.app.bonus.BonusBalanceHandler", "io.ycbridge.app.profile.ProfileHandler",
                "io.ycbridge.schedule.SyncScheduleHandler", "io.ycbridge.sync.CatalogSyncHandler", "io.ycbridge.webhook.WebhookIntakeHandler",
                "io.ycbridge.app.verification.PhoneVerificationHandler", "io.ycbridge.app.catalog.CatalogHandler",
                "io.ycbridge.app.booking.BookingLinkHandler", "io.ycbridge.app.booking.OnlineBookingHandler",
                "io.ycbridge.app.visits.VisitsHandler", "io.ycbridge.loyalty.LoyaltyMirrorHandler", "io.ycbridge.loyalty.LoyaltyCycleHandler",
                "io.ycbridge.event.VisitEventsHandler", "io.ycbridge.event.BonusEventsHandler", "io.ycbridge.app.devices.DevicesHandler",
                "io.ycbridge.notify.PushNotifierHandler")),
                handlers);
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionAgreesWithItsCode() {
        assertFalse(functionIds().isEmpty(), "template.yaml declares no functions");
        return functionIds().stream().map(id -> DynamicTest.dynamicTest(id, () -> check(id)));
    }

    private static void check(String id) throws Exception {
        JsonNode properties = properties(id);
        String handler = properties.path("Handler").asText();
        assertTrue(handler.endsWith("::handleRequest"), id + ": Handler must name handleRequest, was " + handler);
        Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
        // A typed RequestHandler makes the runtime load its own shaded Jackson and event mixins at every cold start.
        assertTrue(RequestStreamHandler.class.isAssignableFrom(type) && !RequestHandler.class.isAssignableFrom(type),
                id + ": " + type.getName() + " must be a RequestStreamHandler and no typed RequestHandler");
        List<Method> entries = Arrays.stream(type.getMethods()).filter(method -> method.getName().equals("handleRequest")).toList();
        assertEquals(1, entries.size(), id + ": the runtime resolves ::handleRequest by name, so there must be one: " + entries);
        type.getConstructor();

        String codeUri = properties.path("CodeUri").asText();
        String module = codeUri.replaceAll("^functions/([a-z-]+)/target/\\1-lambda\\.jar$", "$1");
        assertFalse(module.equals(codeUri), id + ": CodeUri must be functions/<module>/target/<module>-lambda.jar, was " + codeUri);
        String loadedFrom = type.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(loadedFrom.contains("/" + module + "/") || loadedFrom.contains("/" + module + "-"),
                id + ": " + type.getSimpleName() + " is not in module " + module + " (loaded from " + loadedFrom + ")");
        assertEquals("true", template.path("Resources").path(id).path("Metadata").path("SkipBuild").asText(),
                id + ": the jar is built by Maven, so sam build must not try (Metadata.SkipBuild)");

        Map<String, String> environment = environment(properties);
        for (String name : environment.keySet()) {
            if (!RUNTIME_VARIABLES.contains(name)) {
                assertDoesNotThrow(() -> EnvVar.valueOf(name), id + ": " + name + " is no variable of io.ycbridge.config.EnvVar");
            }
        }
        Config config = Config.of(environment);
        try {
            type.getConstructor(Config.class).newInstance(config);
        } catch (java.lang.reflect.InvocationTargetException e) {
            fail(id + ": the handler does not build from the template's environment: " + e.getCause().getMessage(), e.getCause());
        }
        Set<String> unread = new TreeSet<>(environment.keySet());
        unread.removeAll(config.namesRead());
        unread.removeAll(RUNTIME_VARIABLES);
        unread.removeAll(globals().keySet());
        unread.removeAll(settings().keySet());
        assertTrue(unread.isEmpty(), id + ": the template sets variables its code never reads: " + unread);
    }

    private static JsonNode properties(String id) {
        return template.path("Resources").path(id).path("Properties");
    }

    private static Map<String, String> globals() {
        return variables(template.path("Globals").path("Function").path("Environment").path("Variables"));
    }

    /**
     * The settings as a function reads them (io.ycbridge.aws.LiveSettings): the environment Lambda would give it, with
     * a representative value for each reference, beneath SettingsParameter's document with the parameters' values.
     */
    private static Map<String, String> environment(JsonNode properties) {
        Map<String, String> environment = new HashMap<>(globals());
        environment.putAll(variables(properties.path("Environment").path("Variables")));
        environment.put("AWS_REGION", "eu-central-1");
        environment.remove("SETTINGS_PARAMETER");
        environment.putAll(settings());
        return environment;
    }

    /** SettingsParameter's value, !Sub [text, {variables}] (tags dropped), with each ${Name} stood in for. */
    static Map<String, String> settings() {
        JsonNode value = template.path("Resources").path("SettingsParameter").path("Properties").path("Value");
        assertTrue(value.isArray() && value.get(0).isTextual(), "SettingsParameter's Value must be !Sub [text, {variables}]");
        JsonNode variables = value.get(1);
        Matcher reference = Pattern.compile("\\$\\{([A-Za-z0-9:]+)}").matcher(value.get(0).asText());
        StringBuilder text = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String line = value.get(0).asText().substring(0, reference.start());
            String variable = line.substring(line.lastIndexOf('\n') + 1).replace("=", "");
            JsonNode node = variables.has(name) ? variables.path(name) : TextNode.valueOf(name);
            reference.appendReplacement(text, Matcher.quoteReplacement(representative(variable, node)));
        }
        reference.appendTail(text);
        Map<String, String> values = new HashMap<>();
        text.toString().lines().filter(line -> !line.isBlank()).forEach(line -> {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return values;
    }

    private static Map<String, String> variables(JsonNode node) {
        Map<String, String> values = new HashMap<>();
        node.properties().forEach(entry -> values.put(entry.getKey(), representative(entry.getKey(), entry.getValue())));
        return values;
    }

    /**
     * The YAML reader drops CloudFormation's tags, so !Ref X reads as "X" and !If as a list; stand in values of the
     * shape the deployed reference would have. A parameter with a default gives its default, blank or not, exactly as
     * a stack created with the defaults would (with SnapStart, Lambda runs init when it publishes the version, so a
     * default the code refuses fails the stack); only a parameter without one, which the deployer must give, gets a
     * sample value.
     */
    private static String representative(String name, JsonNode value) {
        JsonNode parameter = template.path("Parameters").path(value.asText());
        if (value.isTextual() && !parameter.isMissingNode()) {
            if (parameter.has("Default")) {
                return parameter.path("Default").asText();
            }
            return switch (name) {
                case "COMPANY_IDS" -> "235564,1169323";
                default -> throw new AssertionError(name + ": parameter " + value.asText() + " has no default and this test no sample value");
            };
        }
        if (value.isArray()) {
            // !If [Condition, then, else]: the first branch that sets something (AWS::NoValue sets nothing).
            for (int branch = 1; branch < value.size(); branch++) {
                if (!"AWS::NoValue".equals(value.get(branch).asText())) {
                    return representative(name, value.get(branch));
                }
            }
            return "";
        }
        if (value.isTextual() && template.path("Resources").has(value.asText())) {
            return switch (template.path("Resources").path(value.asText()).path("Type").asText()) {
                case "AWS::SQS::Queue" -> "https://sqs.eu-central-1.amazonaws.com/000000000000/" + value.asText();
                case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:eu-central-1:000000000000:secret:" + value.asText() + "-AbCdEf";
                default -> value.asText() + "-abc123";
            };
        }
        return value.asText();
    }

    @Test
    void theTemplateValuesStandInForEveryEnvVarKind() {
        // Guards the helper above: a variable the template sets that it could not represent would slip through. Blank
        // is a value only where a parameter's own default is blank.
        for (String id : functionIds()) {
            Map<String, String> environment = environment(properties(id));
            JsonNode variables = properties(id).path("Environment").path("Variables");
            environment.forEach((name, value) -> assertFalse(value.isBlank() && !blankByDefault(variables.path(name))
                    && !blankByDefault(template.path("Globals").path("Function").path("Environment").path("Variables").path(name))
                    && !blankBySettingsDefault(name),
                    id + ": no stand-in value for " + name));
        }
        assertTrue(Arrays.stream(EnvVar.values()).anyMatch(v -> v.name().equals("RECORDS_TABLE")));
    }

    @Test
    void aFunctionThatReadsTheBookingFormsBuildsFromTheirBlankDefault() throws Exception {
        // The default that failed stack creation: the booking link function must start without forms (and answer 403).
        assertEquals("", template.path("Parameters").path("BookingForms").path("Default").asText("missing"));
        check("BookingLinkFunction");
    }

    @Test
    void noEventGivesAResourceAFixedNameThatASecondStackWouldCollideWith() {
        // SAM names a ScheduleV2 schedule <function><event> unless told otherwise; names are unique per account and
        // region, so the stack could be created once only.
        int schedules = 0;
        for (String id : functionIds()) {
            for (JsonNode event : properties(id).path("Events")) {
                if ("ScheduleV2".equals(event.path("Type").asText())) {
                    schedules++;
                    assertTrue(event.path("Properties").path("OmitName").asBoolean(false) && !event.path("Properties").has("Name"),
                            id + ": a ScheduleV2 event must set OmitName: true and no Name");
                }
            }
        }
        assertTrue(schedules >= 1, "the sync's schedule was found");
    }

    /** A settings line whose parameter's default is blank ({@code BOOKING_FORMS=${BookingForms}}). */
    private static boolean blankBySettingsDefault(String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "=\\$\\{([A-Za-z0-9]+)}$")
                .matcher(template.path("Resources").path("SettingsParameter").path("Properties").path("Value").path(0).asText());
        return line.find() && blankByDefault(TextNode.valueOf(line.group(1)));
    }

    private static boolean blankByDefault(JsonNode value) {
        JsonNode parameter = template.path("Parameters").path(value.asText());
        if (value.isArray()) {
            for (JsonNode branch : value) {
                if (blankByDefault(branch)) {
                    return true;
                }
            }
        }
        return value.isTextual() && parameter.has("Default") && parameter.path("Default").asText().isBlank();
    }
}

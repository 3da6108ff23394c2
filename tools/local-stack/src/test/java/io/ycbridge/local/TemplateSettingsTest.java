package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.localaws.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed setting reaches live traffic. The functions run behind the {@code live} alias of a version SAM publishes
 * only when the version's logical id changes, and SAM derives that id from the code and the environment as written,
 * not as resolved (aws/serverless-application-model #1640, #3820): a function whose configuration refers to a
 * parameter keeps the old value after a deploy that changes it. Checked over SAM's own transform (tools/sam_transform.py,
 * the translator of the pinned aws-sam-cli), with the parameters changed one at a time.
 */
class TemplateSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Properties of the function itself, not of a version: they apply to every version and alias as soon as they
     * change ("Reserved concurrency applies to the function as a whole, including all its versions and aliases",
     * Lambda developer guide, configuring reserved concurrency), so no version needs to be published for them.
     */
    private static final Set<String> FUNCTION_LEVEL = Set.of("ReservedConcurrentExecutions", "Tags");
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static JsonNode template;
    private static Map<String, String> baseline;
    private static JsonNode transformed;

    @BeforeAll
    static void transformOnce() throws Exception {
        template = TemplateFunctionsTest.template();
        if (template == null) {
            TemplateFunctionsTest.readTemplate();
            template = TemplateFunctionsTest.template();
        }
        baseline = sampleParameters();
        transformed = transform(TemplateFunctionsTest.templatePath(), baseline);
    }

    @Test
    void noFunctionsConfigurationDependsOnAParameterUnlessChangingItPublishesAVersion() throws Exception {
        Map<String, Set<String>> dependencies = functionParameters(transformed);
        assertEquals(TemplateFunctionsTest.functionIds().size(), dependencies.size(), "every function was transformed");
        List<String> unpublished = unpublishedSettings(TemplateFunctionsTest.templatePath(), dependencies);
        assertTrue(unpublished.isEmpty(), "settings that would never reach the live alias (put them into SettingsParameter, which "
                + "io.ycbridge.aws.LiveSettings reads at run time): " + unpublished);
    }

    @Test
    void theCheckCatchesASettingInAFunctionsEnvironment(@TempDir Path dir) throws Exception {
        // The state this test was written against: BONUS_PERCENT in the accrual function's environment.
        String text = Files.readString(TemplateFunctionsTest.templatePath(), StandardCharsets.UTF_8).replace(
                "          BONUS_LEDGER_TABLE: !Ref BonusLedgerTable\n          USER_LINKS_TABLE: !Ref UserLinksTable\n          CATALOG_TABLE: !Ref CatalogTable\n",
                "          BONUS_LEDGER_TABLE: !Ref BonusLedgerTable\n          USER_LINKS_TABLE: !Ref UserLinksTable\n          CATALOG_TABLE: !Ref CatalogTable\n"
                        + "          BONUS_PERCENT: !Ref BonusPercent\n");
        assertNotEquals(Files.readString(TemplateFunctionsTest.templatePath(), StandardCharsets.UTF_8), text, "the accrual function's environment was found");
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, text);

        Map<String, Set<String>> dependencies = functionParameters(transform(copy, baseline));
        assertEquals(Set.of("BonusPercent"), dependencies.get("BonusAccrualFunction"));

        assertEquals(List.of("BonusAccrualFunction: BonusPercent"), unpublishedSettings(copy, dependencies),
                "SAM publishes no new version when only a parameter in the environment changes");
    }

    @Test
    void everySettingTheFunctionsReadComesFromTheSettingsParameterWhichEveryFunctionIsGivenAndMayRead() {
        JsonNode value = transformed.path("Resources").path("SettingsParameter").path("Properties").path("Value").path("Fn::Sub");
        assertTrue(value.isArray(), "SettingsParameter's value is a !Sub of the parameters");
        Set<String> inDocument = new TreeSet<>();
        Matcher reference = SUB_REFERENCE.matcher(value.get(0).asText());
        while (reference.find()) {
            inDocument.add(value.get(1).has(reference.group(1)) ? "YClientsSecretArn" : reference.group(1));
        }
        assertTrue(inDocument.containsAll(Set.of("CompanyIds", "BookingForms", "BonusPercent", "BonusCapPerVisit", "BonusRoundingScale",
                "CompanyTimeZone", "PhoneDefaultRegion", "CompanyPhoneRegions", "JwtPhoneClaim", "JwtPhoneVerifiedClaim", "YClientsSecretArn")), inDocument.toString());
        for (String id : TemplateFunctionsTest.functionIds()) {
            JsonNode variables = transformed.path("Resources").path(id).path("Properties").path("Environment").path("Variables");
            assertEquals("SettingsParameter", variables.path("SETTINGS_PARAMETER").path("Ref").asText(), id + " is told where its settings are");
            String role = transformed.path("Resources").path(id).path("Properties").path("Role").path("Fn::GetAtt").path(0).asText();
            assertTrue(transformed.path("Resources").path(role).toString().contains("\"ssm:GetParameter\""), id + "'s role may read them");
        }
    }

    /** For each function and parameter it depends on: the ones whose change leaves the function's version as it was. */
    private static List<String> unpublishedSettings(Path templateFile, Map<String, Set<String>> dependencies) throws Exception {
        Map<String, String> versions = versions(transform(templateFile, baseline));
        Map<String, Map<String, String>> changedVersions = new HashMap<>();
        List<String> unpublished = new ArrayList<>();
        new TreeMap<>(dependencies).forEach((function, parameters) -> {
            for (String parameter : new TreeSet<>(parameters)) {
                Map<String, String> after = changedVersions.computeIfAbsent(parameter, name -> {
                    Map<String, String> changed = new HashMap<>(baseline);
                    changed.put(name, otherValue(name, baseline.get(name)));
                    try {
                        return versions(transform(templateFile, changed));
                    } catch (Exception e) {
                        throw new AssertionError("the transform with " + name + " changed failed", e);
                    }
                });
                if (versions.get(function).equals(after.get(function))) {
                    unpublished.add(function + ": " + parameter);
                }
            }
        });
        return unpublished;
    }

    /** Each AWS::Lambda::Function's logical id → the template parameters its properties refer to, through conditions too. */
    private static Map<String, Set<String>> functionParameters(JsonNode transformedTemplate) {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        transformedTemplate.path("Resources").properties().forEach(resource -> {
            if ("AWS::Lambda::Function".equals(resource.getValue().path("Type").asText())) {
                Set<String> parameters = new TreeSet<>();
                resource.getValue().path("Properties").properties().forEach(property -> {
                    if (!FUNCTION_LEVEL.contains(property.getKey())) {
                        collect(property.getValue(), transformedTemplate, parameters);
                    }
                });
                dependencies.put(resource.getKey(), parameters);
            }
        });
        return dependencies;
    }

    private static void collect(JsonNode node, JsonNode transformedTemplate, Set<String> parameters) {
        JsonNode declared = transformedTemplate.path("Parameters");
        if (node.isObject()) {
            if (node.has("Ref") && declared.has(node.path("Ref").asText())) {
                parameters.add(node.path("Ref").asText());
            }
            if (node.has("Fn::If")) {
                collect(transformedTemplate.path("Conditions").path(node.path("Fn::If").path(0).asText()), transformedTemplate, parameters);
            }
            JsonNode sub = node.path("Fn::Sub");
            String text = sub.isArray() ? sub.path(0).asText() : sub.asText("");
            Matcher reference = SUB_REFERENCE.matcher(text);
            while (reference.find()) {
                if (declared.has(reference.group(1))) {
                    parameters.add(reference.group(1));
                }
            }
            node.forEach(child -> collect(child, transformedTemplate, parameters));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, transformedTemplate, parameters));
        }
    }

    /** Function logical id → the logical id of the version SAM publishes for it. */
    private static Map<String, String> versions(JsonNode transformedTemplate) {
        Map<String, String> versions = new HashMap<>();
        transformedTemplate.path("Resources").properties().forEach(resource -> {
            if ("AWS::Lambda::Version".equals(resource.getValue().path("Type").asText())) {
                versions.put(resource.getValue().path("Properties").path("FunctionName").path("Ref").asText(), resource.getKey());
            }
        });
        return versions;
    }

    /** Each parameter's default, or a sample for the ones the deployer must give. */
    private static Map<String, String> sampleParameters() {
        Map<String, String> values = new HashMap<>();
        template.path("Parameters").properties().forEach(parameter -> values.put(parameter.getKey(),
                parameter.getValue().has("Default") ? parameter.getValue().path("Default").asText() : switch (parameter.getKey()) {
                    case "CompanyIds" -> "235564,1169323";
                    case "JwtIssuer" -> "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Example";
                    case "JwtAudience" -> "app-client-id";
                    default -> throw new AssertionError("parameter " + parameter.getKey() + " has no default and this test no sample value");
                }));
        return values;
    }

    private static String otherValue(String name, String value) {
        JsonNode parameter = template.path("Parameters").path(name);
        for (JsonNode allowed : parameter.path("AllowedValues")) {
            if (!allowed.asText().equals(value)) {
                return allowed.asText();
            }
        }
        if ("Number".equals(parameter.path("Type").asText())) {
            long number = Long.parseLong(value);
            return Long.toString(parameter.has("MaxValue") && number >= parameter.path("MaxValue").asLong() ? number - 1 : number + 1);
        }
        return value.isEmpty() ? "1" : value + "1";
    }

    private static JsonNode transform(Path templateFile, Map<String, String> parameters) throws IOException, InterruptedException {
        Path python = MotoServer.locateExecutable().resolveSibling("python");
        Path script = TemplateFunctionsTest.templatePath().resolveSibling("tools").resolve("sam_transform.py");
        Process process = new ProcessBuilder(python.toString(), script.toString(), templateFile.toString(), JSON.writeValueAsString(parameters))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertEquals(0, process.waitFor(), "tools/sam_transform.py failed (its error is above)");
        JsonNode result = JSON.readTree(out);
        assertFalse(result.path("Resources").isEmpty(), "the transform produced resources");
        return result;
    }
}

package io.ycbridge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml and {@link TableDefinitions} describe the same tables. Jackson's YAML reader passes CloudFormation's
 * short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}) through as plain values, which is all a structural
 * check needs.
 */
class TemplateTablesTest {
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(locate()));
    }

    @Test
    void isASamTemplate() {
        assertEquals("AWS::Serverless-2016-10-31", template.path("Transform").asText());
    }

    @Test
    void declaresExactlyTheDefinedTables() {
        Set<String> inTemplate = new TreeSet<>();
        template.path("Resources").properties().forEach(resource -> {
            if (resource.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
                inTemplate.add(resource.getKey());
            }
        });
        Set<String> inCode = new TreeSet<>();
        TableDefinitions.all().forEach(definition -> inCode.add(definition.logicalId()));

        assertEquals(inCode, inTemplate);
    }

    @Test
    void everyTableMatchesItsDefinition() {
        List<String> problems = new ArrayList<>();
        for (TableDefinition definition : TableDefinitions.all()) {
            problems.addAll(compare(definition, template.path("Resources").path(definition.logicalId())));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theComparisonNoticesADifference() throws IOException {
        // A check that cannot fail proves nothing: a template whose stream and index differ must be reported.
        String changed = Files.readString(locate())
                .replace("StreamViewType: NEW_AND_OLD_IMAGES", "StreamViewType: NEW_IMAGE")
                .replace("IndexName: by_change", "IndexName: by_time");
        JsonNode records = new ObjectMapper(new YAMLFactory()).readTree(changed).path("Resources").path("RecordsTable");

        List<String> problems = compare(TableDefinitions.RECORDS, records);

        assertTrue(problems.stream().anyMatch(p -> p.contains("stream")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("index")), problems.toString());
    }

    static List<String> compare(TableDefinition definition, JsonNode resource) {
        List<String> problems = new ArrayList<>();
        String id = definition.logicalId();
        if (resource.isMissingNode()) {
            return List.of(id + ": missing from template.yaml");
        }
        JsonNode properties = resource.path("Properties");
        check(problems, id + " billing", "PAY_PER_REQUEST", properties.path("BillingMode").asText());
        if (properties.has("TableName")) {
            problems.add(id + ": has a hard-coded TableName; let CloudFormation name it and pass !Ref " + id + " in "
                    + definition.nameVariable());
        }
        check(problems, id + " key schema", keySchema(definition.partitionKey(), definition.sortKey()), keySchema(properties.path("KeySchema")));

        Map<String, String> attributes = new HashMap<>();
        definition.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
        Map<String, String> declared = new HashMap<>();
        properties.path("AttributeDefinitions").forEach(a -> declared.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        check(problems, id + " attribute definitions", attributes, declared);

        Map<String, String> indexes = new HashMap<>();
        definition.globalIndexes().forEach(index -> indexes.put(index.name(),
                keySchema(index.partitionKey(), index.sortKey()) + " " + index.projection()));
        Map<String, String> declaredIndexes = new HashMap<>();
        properties.path("GlobalSecondaryIndexes").forEach(index -> declaredIndexes.put(index.path("IndexName").asText(),
                keySchema(index.path("KeySchema")) + " " + index.path("Projection").path("ProjectionType").asText()));
        check(problems, id + " global secondary index", indexes, declaredIndexes);

        check(problems, id + " stream", definition.streamIfAny().map(Enum::name).orElse(""),
                properties.path("StreamSpecification").path("StreamViewType").asText(""));

        JsonNode ttl = properties.path("TimeToLiveSpecification");
        check(problems, id + " TTL", definition.ttlIfAny().orElse("") + (definition.ttlIfAny().isPresent() ? " enabled" : ""),
                ttl.isMissingNode() ? "" : ttl.path("AttributeName").asText() + (ttl.path("Enabled").asBoolean() ? " enabled" : " disabled"));
        return problems;
    }

    private static String keySchema(KeyAttribute hash, KeyAttribute range) {
        return "HASH " + hash.name() + (range == null ? "" : ", RANGE " + range.name());
    }

    private static String keySchema(JsonNode schema) {
        String hash = null;
        String range = null;
        for (JsonNode key : schema) {
            switch (key.path("KeyType").asText()) {
                case "HASH" -> hash = key.path("AttributeName").asText();
                case "RANGE" -> range = key.path("AttributeName").asText();
                default -> fail("unknown KeyType in " + key);
            }
        }
        return "HASH " + hash + (range == null ? "" : ", RANGE " + range);
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": code expects " + expected + ", template.yaml has " + actual);
        }
    }

    /** template.yaml at the repository root, found from the module folder Maven runs tests in. */
    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void anOutputNamedForAVariableNamesOneTheCodeReads() {
        JsonNode outputs = template.path("Outputs");
        List<String> unknown = new ArrayList<>();
        outputs.properties().forEach(output -> {
            String first = output.getValue().path("Description").asText().split("[ (]", 2)[0];
            if (first.matches("[A-Z][A-Z0-9_]+") && java.util.Arrays.stream(io.ycbridge.config.EnvVar.values()).noneMatch(v -> v.name().equals(first))) {
                unknown.add(output.getKey() + " → " + first);
            }
        });
        assertTrue(unknown.isEmpty(), "outputs whose variable nothing reads: " + unknown);
        // The operator copies it into the ops CLI's environment (recover-accruals --dlq).
        assertEquals("BonusDeadLetterQueue", outputs.path("BonusDeadLetterQueueUrl").path("Value").asText());
        assertTrue(outputs.path("BonusDeadLetterQueueUrl").path("Description").asText()
                .startsWith(io.ycbridge.config.EnvVar.BONUS_DEAD_LETTER_QUEUE_URL.name() + " "));
    }

    @Test
    void toleratesCloudFormationTags() {
        JsonNode outputs = template.path("Outputs");
        assertFalse(outputs.isMissingNode());
        assertEquals("RecordsTable.StreamArn", outputs.path("RecordsTableStreamArn").path("Value").asText());
        assertEquals("https://${HttpApi}.execute-api.${AWS::Region}.amazonaws.com", outputs.path("ApiUrl").path("Value").asText());
    }
}

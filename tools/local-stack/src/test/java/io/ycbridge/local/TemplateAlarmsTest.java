package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.schedule.ScheduleInterval;
import io.ycbridge.schedule.StalenessService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every part of the system that can fail quietly has an alarm, and the dashboard shows every part. What needs an alarm
 * is derived from the template's own resources, so a function, a dead-letter queue, a stream consumer or an API added
 * later without its alarms fails the build: each function's Errors and Throttles, each failure destination's depth,
 * each stream consumer's iterator age, each HTTP API's 5xx, and the ycbridge metrics an operator must hear about.
 * (The YAML reader drops CloudFormation's tags: {@code !Ref X} reads as "X", {@code !GetAtt X.Arn} as "X.Arn".)
 */
class TemplateAlarmsTest {
    /**
     * The EMF counts that need an operator, with the function (EmfMetrics' Function dimension) that writes them and the
     * module whose code does. A metric added here without its alarm, or an alarm on a name the code no longer writes,
     * fails.
     */
    private static final Map<String, String> ALARMED_METRICS = Map.of(
            "AccrualFailed", "bonus-accrual",
            "SyncRefused", "catalog-sync",
            StalenessService.METRIC, "sync-schedule");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws Exception {
        TemplateFunctionsTest.readTemplate();
        template = TemplateFunctionsTest.template();
    }

    private static Map<String, JsonNode> resources(JsonNode template, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    /** An alarm's series as "namespace metric name=value,...", the way the expectations name them. */
    private static String series(String namespace, String metric, Map<String, String> dimensions) {
        StringBuilder key = new StringBuilder(namespace).append(' ').append(metric);
        new TreeMap<>(dimensions).forEach((name, value) -> key.append(' ').append(name).append('=').append(value));
        return key.toString();
    }

    private static String series(JsonNode alarm) {
        Map<String, String> dimensions = new TreeMap<>();
        alarm.path("Properties").path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        return series(alarm.path("Properties").path("Namespace").asText(), alarm.path("Properties").path("MetricName").asText(), dimensions);
    }

    /** The queues that something sends its failures to: redrive targets, schedule and invocation dead-letter targets, on-failure destinations. */
    static Set<String> failureDestinations(JsonNode template) {
        Set<String> queues = new TreeSet<>();
        List<JsonNode> pending = new ArrayList<>(List.of(template.path("Resources")));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.isObject()) {
                Stream.of(node.path("RedrivePolicy").path("deadLetterTargetArn"), node.path("DeadLetterConfig").path("Arn"),
                                node.path("DeadLetterQueue").path("TargetArn"), node.path("OnFailure").path("Destination"))
                        .map(JsonNode::asText).filter(arn -> arn.endsWith(".Arn"))
                        .map(arn -> arn.substring(0, arn.length() - ".Arn".length()))
                        .filter(id -> "AWS::SQS::Queue".equals(template.path("Resources").path(id).path("Type").asText()))
                        .forEach(queues::add);
            }
            node.elements().forEachRemaining(pending::add);
        }
        return queues;
    }

    /** Every series that must have an alarm, derived from the resources. */
    static Map<String, String> expectedSeries(JsonNode template) {
        Map<String, String> expected = new TreeMap<>();
        for (Map.Entry<String, JsonNode> function : resources(template, "AWS::Serverless::Function").entrySet()) {
            String id = function.getKey();
            expected.put(series("AWS/Lambda", "Errors", Map.of("FunctionName", id)), id + " has no Errors alarm");
            expected.put(series("AWS/Lambda", "Throttles", Map.of("FunctionName", id)), id + " has no Throttles alarm");
            function.getValue().path("Properties").path("Events").forEach(event -> {
                String type = event.path("Type").asText();
                if (type.equals("DynamoDB") || type.equals("Kinesis")) {
                    expected.put(series("AWS/Lambda", "IteratorAge", Map.of("FunctionName", id)), id + " reads a stream and has no IteratorAge alarm");
                }
            });
        }
        for (String queue : failureDestinations(template)) {
            expected.put(series("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", queue + ".QueueName")),
                    queue + " receives failures and has no depth alarm");
        }
        for (String api : resources(template, "AWS::Serverless::HttpApi").keySet()) {
            expected.put(series("AWS/ApiGateway", "5xx", Map.of("ApiId", api)), api + " has no 5xx alarm");
        }
        ALARMED_METRICS.forEach((metric, function) ->
                expected.put(series("ycbridge", metric, Map.of("Function", function)), "the " + metric + " metric has no alarm"));
        return expected;
    }

    /** Everything wrong with the template's alarms, one line each. */
    static List<String> problems(JsonNode template) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> alarms = resources(template, "AWS::CloudWatch::Alarm");
        Set<String> present = new HashSet<>();
        alarms.values().forEach(alarm -> present.add(series(alarm)));
        expectedSeries(template).forEach((series, problem) -> {
            if (!present.contains(series)) {
                problems.add(problem + " (" + series + ")");
            }
        });
        Set<String> destinations = failureDestinations(template);
        resources(template, "AWS::SQS::Queue").forEach((id, queue) -> {
            if (!destinations.contains(id) && !queue.path("Properties").has("RedrivePolicy")) {
                problems.add(id + " is neither a dead-letter queue (with its depth alarm) nor redriven to one");
            }
        });
        alarms.forEach((id, alarm) -> {
            JsonNode properties = alarm.path("Properties");
            for (String actions : List.of("AlarmActions", "OKActions")) {
                if (!properties.path(actions).toString().equals("[\"AlarmTopic\"]")) {
                    problems.add(id + ": " + actions + " must be [!Ref AlarmTopic], was " + properties.path(actions));
                }
            }
            if (!properties.has("TreatMissingData")) {
                problems.add(id + ": says nothing about missing data");
            }
            if (properties.path("AlarmDescription").asText().length() < 40) {
                problems.add(id + ": its AlarmDescription must say what it means and where to look");
            }
        });
        return problems;
    }

    @Test
    void everyFunctionQueueStreamApiAndMetricHasItsAlarm() {
        List<String> problems = problems(template);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(Set.of("SyncDeadLetterQueue", "ScheduleDeadLetterQueue", "BonusDeadLetterQueue", "LoyaltyDeadLetterQueue",
                "EventsDeadLetterQueue"),
                failureDestinations(template));
        // Errors and throttles of 17 functions, 5 dead-letter queues, the iterator age of 4 stream readers, the API.
        assertEquals(17 * 2 + 5 + 4 + 1 + ALARMED_METRICS.size(), expectedSeries(template).size());
    }

    @Test
    void theCheckNoticesAFunctionOrQueueAddedWithoutAlarms() throws Exception {
        // A check that cannot fail proves nothing.
        ObjectNode changed = template.deepCopy();
        ObjectNode resources = (ObjectNode) changed.path("Resources");
        resources.set("ReportFunction", resources.path("CatalogFunction").deepCopy());
        resources.set("ExportQueue", new ObjectMapper().readTree("{\"Type\": \"AWS::SQS::Queue\", \"Properties\": {}}"));
        ((ObjectNode) resources.path("BonusAccrualFunction").path("Properties").path("Events").path("RecordChanges")
                .path("Properties").path("DestinationConfig").path("OnFailure")).put("Destination", "ExportQueue.Arn");
        resources.remove("HttpApi5xxAlarm");

        String problems = String.join("\n", problems(changed));

        assertTrue(problems.contains("ReportFunction has no Errors alarm"), problems);
        assertTrue(problems.contains("ReportFunction has no Throttles alarm"), problems);
        assertTrue(problems.contains("ExportQueue receives failures and has no depth alarm"), problems);
        assertTrue(problems.contains("HttpApi has no 5xx alarm"), problems);
        resources.set("OrphanQueue", new ObjectMapper().readTree("{\"Type\": \"AWS::SQS::Queue\", \"Properties\": {}}"));
        assertTrue(String.join("\n", problems(changed)).contains("OrphanQueue is neither a dead-letter queue"));
    }

    @Test
    void eachAlarmedMetricIsWrittenByTheCodeOfItsFunction() throws Exception {
        Path root = TemplateFunctionsTest.templatePath().getParent();
        for (Map.Entry<String, String> metric : ALARMED_METRICS.entrySet()) {
            Path sources = root.resolve("functions").resolve(metric.getValue()).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                boolean written = files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                    try {
                        return Files.readString(file).contains("\"" + metric.getKey() + "\"");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertTrue(written, metric.getKey() + " is not written in " + sources);
            }
        }
    }

    @Test
    void missingDataIsStalenessOnlyForTheMetricThatIsWrittenAtEveryTick() {
        resources(template, "AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            boolean staleness = alarm.path("Properties").path("MetricName").asText().equals(StalenessService.METRIC);
            assertEquals(staleness ? "breaching" : "notBreaching", alarm.path("Properties").path("TreatMissingData").asText(), id);
        });
    }

    @Test
    void theSyncAlarmsPeriodHoldsTwoTicksOfTheDefaultSchedule() {
        // With fewer than one tick per period, the staleness alarm's missing data would fire between ticks.
        JsonNode period = template.path("Parameters").path("SyncAlarmPeriod");
        long interval = ScheduleInterval.of(template.path("Parameters").path("SyncSchedule").path("Default").asText()).interval().toSeconds();
        assertEquals(2 * interval, period.path("Default").asLong());
        for (String id : List.of("StaleSyncAlarm", "SyncRefusedAlarm")) {
            assertEquals("SyncAlarmPeriod", template.path("Resources").path(id).path("Properties").path("Period").asText(), id);
        }
        period.path("AllowedValues").forEach(value -> assertTrue(value.asLong() % 60 == 0, "CloudWatch periods are minutes: " + value));
        assertTrue(period.toString().contains(String.valueOf(2 * ScheduleInterval.CRON_FALLBACK.toSeconds())),
                "a value fits a cron schedule, which the staleness check counts as daily");
    }

    @Test
    void theAlarmsGoToOneTopicAndAnEmailOnlyWhenOneIsGiven() {
        assertEquals("AWS::SNS::Topic", template.path("Resources").path("AlarmTopic").path("Type").asText());
        JsonNode subscription = template.path("Resources").path("AlarmEmailSubscription");
        assertEquals("HasAlarmEmail", subscription.path("Condition").asText());
        assertEquals("email", subscription.path("Properties").path("Protocol").asText());
        assertEquals("AlarmTopic", subscription.path("Properties").path("TopicArn").asText());
        assertEquals("AlarmEmail", subscription.path("Properties").path("Endpoint").asText());
        assertEquals("", template.path("Parameters").path("AlarmEmail").path("Default").asText("missing"));
        assertEquals("[[\"AlarmEmail\",\"\"]]", template.path("Conditions").path("HasAlarmEmail").toString(), "!Not [!Equals [!Ref AlarmEmail, '']]");
        assertEquals(1, resources(template, "AWS::SNS::Subscription").size());
    }

    /** The dashboard's JSON with its !Sub placeholders filled the way CloudFormation would, in shape. */
    static JsonNode dashboard(JsonNode template) throws Exception {
        Map<String, JsonNode> dashboards = resources(template, "AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size(), "one dashboard of the system");
        String body = dashboards.values().iterator().next().path("Properties").path("DashboardBody").asText();
        Matcher placeholder = PLACEHOLDER.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value;
            if (name.startsWith("AWS::")) {
                assertEquals("AWS::Region", name, "the pseudo parameter the dashboard needs");
                value = "eu-central-1";
            } else {
                String resource = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                assertTrue(template.path("Resources").has(resource), "the dashboard refers to " + name + ", which is no resource");
                value = name.endsWith(".Arn") ? "arn:aws:cloudwatch:eu-central-1:000000000000:alarm:" + resource : resource;
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return new ObjectMapper().readTree(filled.toString());
    }

    /** For each metric name on the dashboard, the dimension values it is shown for. */
    private static Map<String, Set<String>> shown(JsonNode dashboard) {
        Map<String, Set<String>> shown = new TreeMap<>();
        for (JsonNode widget : dashboard.path("widgets")) {
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                // [namespace, metric, dimension name, value, ..., {options}]
                for (int i = 3; i < metric.size(); i += 2) {
                    shown.computeIfAbsent(metric.get(1).asText(), name -> new TreeSet<>()).add(metric.get(i).asText());
                }
            }
        }
        return shown;
    }

    /** What the dashboard leaves out: a function's invocations, errors or duration, a dead-letter queue, an alarm. */
    static List<String> dashboardProblems(JsonNode template) throws Exception {
        List<String> problems = new ArrayList<>();
        JsonNode dashboard = dashboard(template);
        Map<String, Set<String>> shown = shown(dashboard);
        for (String function : resources(template, "AWS::Serverless::Function").keySet()) {
            for (String metric : List.of("Invocations", "Errors", "Duration")) {
                if (!shown.getOrDefault(metric, Set.of()).contains(function)) {
                    problems.add(function + " has no " + metric + " graph");
                }
            }
        }
        for (String queue : failureDestinations(template)) {
            if (!shown.getOrDefault("ApproximateNumberOfMessagesVisible", Set.of()).contains(queue)) {
                problems.add(queue + "'s depth is not on the dashboard");
            }
        }
        Set<String> listed = new TreeSet<>();
        dashboard.path("widgets").forEach(widget -> widget.path("properties").path("alarms")
                .forEach(arn -> listed.add(arn.asText().substring(arn.asText().lastIndexOf(':') + 1))));
        Set<String> unlisted = new TreeSet<>(resources(template, "AWS::CloudWatch::Alarm").keySet());
        unlisted.removeAll(listed);
        unlisted.forEach(alarm -> problems.add(alarm + " is not in the alarm widget"));
        for (JsonNode widget : dashboard.path("widgets")) {
            if (widget.path("x").asInt() + widget.path("width").asInt() > 24) {
                problems.add("a widget overflows the 24-column grid: " + widget.path("properties").path("title"));
            }
        }
        return problems;
    }

    @Test
    void theDashboardShowsEveryFunctionEveryDeadLetterQueueAndEveryAlarm() throws Exception {
        List<String> problems = dashboardProblems(template);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        Map<String, Set<String>> shown = shown(dashboard(template));
        assertTrue(shown.get("IteratorAge").contains("BonusAccrualFunction"));
        for (String metric : List.of("4xx", "5xx", "Latency")) {
            assertTrue(shown.get(metric).contains("HttpApi"), "the API's " + metric);
        }
        ALARMED_METRICS.forEach((metric, function) -> assertTrue(shown.get(metric).contains(function), metric));
    }

    @Test
    void theDashboardCheckNoticesAFunctionAndAnAlarmItLeavesOut() throws Exception {
        ObjectNode changed = template.deepCopy();
        ObjectNode resources = (ObjectNode) changed.path("Resources");
        resources.set("ReportFunction", resources.path("CatalogFunction").deepCopy());
        resources.set("ReportFunctionErrorsAlarm", resources.path("CatalogFunctionErrorsAlarm").deepCopy());

        String problems = String.join("\n", dashboardProblems(changed));

        assertTrue(problems.contains("ReportFunction has no Errors graph"), problems);
        assertTrue(problems.contains("ReportFunctionErrorsAlarm is not in the alarm widget"), problems);
    }
}

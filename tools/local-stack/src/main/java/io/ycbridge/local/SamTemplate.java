package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ycbridge.config.EnvVar;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the local stack takes from template.yaml, so routes, handlers and environment have one source: the HttpApi
 * routes with their handler class and authorizer, the functions' environment with {@code !Ref}s resolved the way a
 * local run needs, parameter defaults and the stream event's settings.
 *
 * <p>Jackson's YAML reader drops CloudFormation's tags ({@code !Ref X} reads as {@code "X"}), which is exactly what
 * resolution needs: a name that is a parameter takes its default, a table keeps its logical id (the local table name),
 * anything else (a queue, an {@code !If}) is left unset so the code's local fallback applies.
 */
final class SamTemplate {
    private static final Pattern SETTINGS_LINE = Pattern.compile("(?m)^([A-Z0-9_]+)=\\$\\{([A-Za-z0-9]+)}$");
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;

    private final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    static SamTemplate read(Path file) {
        try {
            return new SamTemplate(new YAMLMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** template.yaml in this directory or the nearest parent: the script runs from the repository root, tests from the module. */
    static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no template.yaml in " + start.toAbsolutePath() + " or above: run from the repository");
    }

    /** One HttpApi event of a function: its route and how the function is made. */
    record HttpRoute(String functionId, String method, String path, String handlerClass, boolean authorized, int timeoutSeconds) {
        String routeKey() {
            return method + " " + path;
        }
    }

    /** The DynamoDB event's settings that change what the poller does. */
    record StreamSettings(String functionId, String handlerClass, int batchSize, int maximumRetryAttempts, int timeoutSeconds) {
    }

    List<HttpRoute> httpRoutes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
            for (JsonNode event : iterable(function.getValue().path("Properties").path("Events"))) {
                if (!"HttpApi".equals(event.path("Type").asText())) {
                    continue;
                }
                JsonNode properties = event.path("Properties");
                // A route without its own Auth takes the API's DefaultAuthorizer (AppJwt); "NONE" opts out, as the webhook does.
                boolean authorized = !"NONE".equals(properties.path("Auth").path("Authorizer").asText());
                routes.add(new HttpRoute(function.getKey(), properties.path("Method").asText("ANY").toUpperCase(java.util.Locale.ROOT),
                        properties.path("Path").asText(), handlerClass(function.getValue()), authorized, timeout(function.getValue())));
            }
        }
        return routes;
    }

    /** Every function reading the stream of a table, in the template's order: each has an event source mapping of its own. */
    List<StreamSettings> streamsOf(String tableLogicalId) {
        List<StreamSettings> readers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
            for (JsonNode event : iterable(function.getValue().path("Properties").path("Events"))) {
                JsonNode properties = event.path("Properties");
                if ("DynamoDB".equals(event.path("Type").asText()) && properties.path("Stream").asText().startsWith(tableLogicalId + ".")) {
                    readers.add(new StreamSettings(function.getKey(), handlerClass(function.getValue()), properties.path("BatchSize").asInt(100),
                            properties.path("MaximumRetryAttempts").asInt(10), timeout(function.getValue())));
                }
            }
        }
        if (readers.isEmpty()) {
            throw new IllegalStateException("template.yaml has no function on the stream of " + tableLogicalId);
        }
        return readers;
    }

    /** A function a rule of the event bus invokes (an EventBridgeRule event). */
    record BusTarget(String functionId, String handlerClass, int timeoutSeconds) {
    }

    /** The functions with an EventBridgeRule event: the local bus hands each event to them, as the rule would. */
    List<BusTarget> busTargets() {
        List<BusTarget> targets = new ArrayList<>();
        for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
            for (JsonNode event : iterable(function.getValue().path("Properties").path("Events"))) {
                if ("EventBridgeRule".equals(event.path("Type").asText())) {
                    targets.add(new BusTarget(function.getKey(), handlerClass(function.getValue()), timeout(function.getValue())));
                }
            }
        }
        return targets;
    }

    /** A function's Timeout, its own or the Globals'. */
    Duration timeoutOf(String functionId) {
        JsonNode function = functions().get(functionId);
        if (function == null) {
            throw new IllegalStateException("template.yaml has no function " + functionId);
        }
        return Duration.ofSeconds(timeout(function));
    }

    Optional<String> parameterDefault(String name) {
        JsonNode value = root.path("Parameters").path(name).path("Default");
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * Every function's environment (Globals first), merged: the functions agree on shared names, and the local stack
     * gives every handler one Config. Only names in {@link EnvVar} are kept, so JAVA_TOOL_OPTIONS and the like stay out.
     */
    Map<String, String> environment() {
        Set<String> known = Arrays.stream(EnvVar.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> tables = TableDefinitions.all().stream().map(TableDefinition::logicalId).collect(Collectors.toSet());
        Map<String, String> environment = new LinkedHashMap<>();
        List<JsonNode> sources = new ArrayList<>();
        sources.add(root.path("Globals").path("Function").path("Environment").path("Variables"));
        functions().values().forEach(function -> sources.add(function.path("Properties").path("Environment").path("Variables")));
        for (JsonNode variables : sources) {
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                if (!known.contains(variable.getKey()) || !variable.getValue().isValueNode()) {
                    continue;
                }
                String text = variable.getValue().asText();
                if (root.path("Parameters").has(text)) {
                    parameterDefault(text).ifPresent(value -> environment.put(variable.getKey(), value));
                } else if (tables.contains(text) || !root.path("Resources").has(text)) {
                    environment.put(variable.getKey(), text);
                }
            }
        }
        environment.putAll(settings(known));
        return environment;
    }

    /**
     * SettingsParameter's lines {@code NAME=${Parameter}}, each with its parameter's default: what the deployed functions
     * read from SSM at run time (LiveSettings), given here as plain variables, since locally there is no SSM. A line
     * whose value is a resource (the secret's ARN) is left out, as in the functions' own environment.
     */
    private Map<String, String> settings(Set<String> known) {
        JsonNode value = root.path("Resources").path("SettingsParameter").path("Properties").path("Value");
        Map<String, String> settings = new LinkedHashMap<>();
        Matcher line = SETTINGS_LINE.matcher(value.isArray() ? value.path(0).asText() : value.asText());
        while (line.find()) {
            if (known.contains(line.group(1)) && root.path("Parameters").has(line.group(2))) {
                parameterDefault(line.group(2)).ifPresent(text -> settings.put(line.group(1), text));
            }
        }
        return settings;
    }

    private Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                functions.put(resource.getKey(), resource.getValue());
            }
        }
        return functions;
    }

    private static String handlerClass(JsonNode function) {
        String handler = function.path("Properties").path("Handler").asText();
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    private int timeout(JsonNode function) {
        return function.path("Properties").path("Timeout")
                .asInt(root.path("Globals").path("Function").path("Timeout").asInt(DEFAULT_TIMEOUT_SECONDS));
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}

package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.iam.ResourceArns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each AWS::Serverless::Function's inline {@code Policies} statements as IAM will read them once deployed, every
 * resource resolved to the ARN a recorded call is checked against ({@link ResourceArns}): {@code !GetAtt T.Arn} of a
 * table is {@code arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/T}, {@code !Sub '${T.Arn}/index/*'} that
 * plus {@code /index/*}, {@code !Ref S} of a secret its ARN, {@code ${AWS::Partition}} {@code aws}; a {@code !Ref} that
 * is no ARN (a table's name, a queue's URL) stays what it is and so grants nothing, as in IAM; a parameter is
 * {@code ${Name}}, a value known only at deploy time; a {@code !If} is its two branches, either of which may be
 * deployed. Read from {@link CloudFormationYaml}'s long forms. A policy this reading cannot resolve (a SAM policy
 * template, a managed policy, NotAction, a Condition, Fn::Join) fails the read with the statement named: extend the
 * reader rather than leave a grant unchecked.
 */
final class FunctionPolicies {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /** A resource as the template writes it ({@code !GetAtt RecordsTable.Arn}) and the ARNs it may stand for. */
    record ResourceGrant(String written, List<String> arns) {
    }

    /** One statement of one function's Policies; {@code number} counts from 1 in the function's order. */
    record Statement(String function, int number, boolean allow, List<String> actions, List<ResourceGrant> resources) {
        String describe() {
            return function + "'s Policies statement " + number + " (" + (allow ? "Allow " : "Deny ") + actions + " on "
                    + resources.stream().map(ResourceGrant::written).toList() + ")";
        }
    }

    /** A function: its logical id, the handler class template.yaml runs, where its code lives, its statements. */
    record Function(String id, String handlerClass, String codeUri, List<Statement> statements) {
    }

    private FunctionPolicies() {
    }

    static Map<String, Function> read(JsonNode template) {
        Map<String, String> types = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(resource -> types.put(resource.getKey(), resource.getValue().path("Type").asText()));
        Map<String, Function> functions = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                return;
            }
            String id = resource.getKey();
            String handler = properties.path("Handler").asText();
            List<Statement> statements = new ArrayList<>();
            for (JsonNode policy : properties.path("Policies")) {
                JsonNode document = policy.path("Statement");
                if (document.isMissingNode()) {
                    throw new IllegalStateException(id + ": a policy other than inline statements (" + policy + "); the IAM check reads"
                            + " only Statement lists: write the grant as statements, or teach FunctionPolicies the form");
                }
                for (JsonNode statement : document.isArray() ? document : List.of(document)) {
                    if (statement.has("Fn::If")) {
                        // A statement under a template condition (kms:Decrypt for a customer managed key) is granted only
                        // in a deploy the tests do not model: neither half of the check can hold it.
                        continue;
                    }
                    statements.add(statement(types, id, statements.size() + 1, statement));
                }
            }
            functions.put(id, new Function(id, handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler,
                    properties.path("CodeUri").asText(), statements));
        });
        return functions;
    }

    /** Every name a recorded resource may carry: the template's resources and parameters (a parameter may hold an ARN). */
    static Set<String> logicalIds(JsonNode template) {
        Set<String> ids = new LinkedHashSet<>();
        template.path("Resources").fieldNames().forEachRemaining(ids::add);
        template.path("Parameters").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static Statement statement(Map<String, String> types, String function, int number, JsonNode statement) {
        for (String unsupported : List.of("NotAction", "NotResource", "Condition", "Principal")) {
            if (statement.has(unsupported)) {
                throw new IllegalStateException(function + "'s Policies statement " + number + " has " + unsupported
                        + ", which the IAM check cannot evaluate: teach FunctionPolicies and GrantCheck what it means");
            }
        }
        String effect = statement.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalStateException(function + "'s Policies statement " + number + ": Effect is Allow or Deny, was " + effect);
        }
        List<String> actions = new ArrayList<>();
        JsonNode action = statement.path("Action");
        for (JsonNode each : action.isArray() ? action : List.of(action)) {
            actions.add(each.asText());
        }
        List<ResourceGrant> resources = new ArrayList<>();
        JsonNode resource = statement.path("Resource");
        for (JsonNode each : resource.isArray() ? resource : List.of(resource)) {
            resources.add(new ResourceGrant(written(each), arns(types, function, number, each)));
        }
        return new Statement(function, number, effect.equals("Allow"), List.copyOf(actions), List.copyOf(resources));
    }

    private static List<String> arns(Map<String, String> types, String function, int number, JsonNode resource) {
        if (resource.isTextual()) {
            return List.of(resource.asText());
        }
        if (resource.has("Ref")) {
            return List.of(ref(types, resource.path("Ref").asText()));
        }
        if (resource.has("Fn::GetAtt")) {
            JsonNode target = resource.path("Fn::GetAtt");
            String[] parts = target.isArray() ? new String[] {target.path(0).asText(), target.path(1).asText()} : target.asText().split("\\.", 2);
            return List.of(getAtt(types, parts[0], parts[1]));
        }
        if (resource.has("Fn::Sub") && resource.path("Fn::Sub").isTextual()) {
            Matcher variable = SUB_VARIABLE.matcher(resource.path("Fn::Sub").asText());
            StringBuilder arn = new StringBuilder();
            while (variable.find()) {
                String[] parts = variable.group(1).split("\\.", 2);
                variable.appendReplacement(arn, Matcher.quoteReplacement(parts.length == 2 ? getAtt(types, parts[0], parts[1]) : ref(types, parts[0])));
            }
            variable.appendTail(arn);
            return List.of(arn.toString());
        }
        if (resource.has("Fn::If") && resource.path("Fn::If").size() == 3) {
            List<String> either = new ArrayList<>(arns(types, function, number, resource.path("Fn::If").path(1)));
            either.addAll(arns(types, function, number, resource.path("Fn::If").path(2)));
            return List.copyOf(either);
        }
        throw new IllegalStateException(function + "'s Policies statement " + number + ": a Resource the IAM check cannot resolve, "
                + written(resource) + "; teach FunctionPolicies the form");
    }

    /** What {@code !Ref id} returns, as CloudFormation documents it per resource type. */
    private static String ref(Map<String, String> types, String id) {
        return switch (types.getOrDefault(id, id.equals("AWS::Partition") ? "partition" : "")) {
            case "partition" -> "aws";
            case "AWS::SecretsManager::Secret" -> ResourceArns.secret(id);
            case "AWS::SNS::Topic" -> ResourceArns.arn("sns", id);
            case "AWS::SQS::Queue" -> "https://sqs." + ResourceArns.REGION + ".amazonaws.com/" + ResourceArns.ACCOUNT + "/" + id;
            case "AWS::SSM::Parameter" -> "/" + id;  // its name, which starts with a slash here
            case "" -> "${" + id + "}";     // a parameter or a pseudo parameter: known at deploy time only
            default -> id;                  // a table's, a function's name: no ARN
        };
    }

    private static String getAtt(Map<String, String> types, String id, String attribute) {
        return switch (types.getOrDefault(id, "") + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> ResourceArns.table(id);
            case "AWS::DynamoDB::Table.StreamArn" -> ResourceArns.table(id) + "/stream/*";
            case "AWS::SQS::Queue.Arn" -> ResourceArns.arn("sqs", id);
            case "AWS::SNS::Topic.TopicArn" -> ResourceArns.arn("sns", id);
            case "AWS::Events::EventBus.Arn" -> ResourceArns.arn("events", "event-bus/" + id);
            default -> "${" + id + "." + attribute + "}";
        };
    }

    /** The short form the template uses, for messages. */
    static String written(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().equals("*") ? "'*'" : node.asText();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(written(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            String tag = key.equals("Ref") ? "!Ref" : "!" + key.replaceFirst("^Fn::", "");
            return tag + " " + written(node.path(key));
        }
        return node.toString();
    }
}

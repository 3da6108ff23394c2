package io.ycbridge.local;

import io.ycbridge.iam.PermissionUse;
import io.ycbridge.iam.ResourceArns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The IAM check itself, free of files: the functions' Policies against the permissions their handlers used in tests.
 * {@link #ungranted} finds every recorded use that no Allow statement of the function grants or that a Deny refuses;
 * {@link #unused} finds every granted (action, resource) that no test used, save those listed as {@link Unrecorded}
 * with a reason. Each problem is one line that names the function, the action, the resource and what to do.
 *
 * <p>Matching is IAM's: {@code *} and {@code ?} wildcards, actions without regard to case, resources with it. Deny
 * statements are guards, not grants: they are never "unused".
 */
final class GrantCheck {
    /** A grant no test reaches, kept on purpose: the function, the action, one of the ARNs its resource stands for, why. */
    record Unrecorded(String function, String action, String resource, String reason) {
    }

    private final Map<String, FunctionPolicies.Function> functions;
    private final Set<String> logicalIds;
    private final Map<String, FunctionPolicies.Function> byHandler = new LinkedHashMap<>();

    GrantCheck(Map<String, FunctionPolicies.Function> functions, Set<String> logicalIds) {
        this.functions = functions;
        this.logicalIds = logicalIds;
        functions.values().forEach(function -> byHandler.put(function.handlerClass(), function));
    }

    /** Recorded uses the functions' policies do not allow. */
    List<String> ungranted(Collection<PermissionUse> uses) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PermissionUse use : uses) {
            // The same use recorded by another test run is one problem, one line.
            if (seen.add(use.handlerClass() + " " + use.permission())) {
                problem(use).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private Optional<String> problem(PermissionUse use) {
        String action = use.permission().action();
        String resource = use.permission().resource();
        FunctionPolicies.Function function = byHandler.get(use.handlerClass());
        if (function == null) {
            return Optional.of(use.handlerClass() + " called " + action + " on " + resource + " (" + use.seenIn() + "), but no function"
                    + " of template.yaml runs that handler: give it a function (Handler: " + use.handlerClass() + "::handleRequest)"
                    + " or call AWS from a deployed handler only");
        }
        Optional<String> unknown = ResourceArns.logicalIdOf(resource).filter(id -> !logicalIds.contains(id));
        if (unknown.isPresent()) {
            return Optional.of(function.id() + " called " + action + " on " + resource + " (" + use.seenIn() + "), whose '" + unknown.get()
                    + "' is no resource of template.yaml: name the test's table, queue or secret after the logical id it stands for ("
                    + function.id() + "'s Environment says which), e.g. with Tables.create, so the call can be checked");
        }
        Optional<FunctionPolicies.Statement> deny = matching(function, false, action, resource);
        if (deny.isPresent()) {
            return Optional.of(function.id() + " needs " + action + " on " + resource + " (" + use.seenIn() + "), but "
                    + deny.get().describe() + " refuses it: narrow the Deny in template.yaml, or stop the call");
        }
        if (matching(function, true, action, resource).isEmpty()) {
            return Optional.of(function.id() + " needs " + action + " on " + resource + " (" + use.seenIn() + ") and its Policies do not"
                    + " grant it; deployed, the call fails with AccessDenied: add " + action + " on " + written(resource) + " to "
                    + function.id() + "'s Policies in template.yaml");
        }
        return Optional.empty();
    }

    /** Granted (action, resource) pairs no use matched and no exception explains, and exceptions that explain nothing. */
    List<String> unused(Collection<PermissionUse> uses, Collection<Unrecorded> exceptions) {
        List<String> problems = new ArrayList<>();
        Set<Unrecorded> needed = new HashSet<>();
        for (FunctionPolicies.Function function : functions.values()) {
            List<PermissionUse> own = uses.stream().filter(use -> use.handlerClass().equals(function.handlerClass())).toList();
            for (FunctionPolicies.Statement statement : function.statements()) {
                if (!statement.allow()) {
                    continue;
                }
                for (String action : statement.actions()) {
                    for (FunctionPolicies.ResourceGrant resource : statement.resources()) {
                        boolean used = own.stream().anyMatch(use -> matches(action, use.permission().action(), false)
                                && resource.arns().stream().anyMatch(arn -> matches(arn, use.permission().resource(), true)));
                        if (used) {
                            continue;
                        }
                        Optional<Unrecorded> excused = exceptions.stream().filter(exception -> exception.function().equals(function.id())
                                && exception.action().equalsIgnoreCase(action) && resource.arns().contains(exception.resource())).findFirst();
                        if (excused.isPresent()) {
                            needed.add(excused.get());
                        } else {
                            problems.add(function.id() + " is granted " + action + " on " + resource.written() + " (" + statement.describe()
                                    + ") but no test of the function made that call: if no code path of " + function.id() + " makes it,"
                                    + " remove it from the Policies in template.yaml; if one does, test that path through the function's"
                                    + " trigger (events/); if no test can reach it, list it in IamGrantsIT's exceptions with the reason");
                        }
                    }
                }
            }
        }
        for (Unrecorded exception : exceptions) {
            if (!needed.contains(exception)) {
                problems.add("IamGrantsIT's exception for " + exception.function() + " " + exception.action() + " on "
                        + exception.resource() + " explains nothing: a test now makes that call, or the grant is gone; remove the exception");
            }
        }
        return problems;
    }

    private Optional<FunctionPolicies.Statement> matching(FunctionPolicies.Function function, boolean allow, String action, String resource) {
        return function.statements().stream()
                .filter(statement -> statement.allow() == allow)
                .filter(statement -> statement.actions().stream().anyMatch(pattern -> matches(pattern, action, false)))
                .filter(statement -> statement.resources().stream()
                        .anyMatch(grant -> grant.arns().stream().anyMatch(pattern -> matches(pattern, resource, true))))
                .findFirst();
    }

    /** How the template writes a grant of this ARN, for the message that asks for one. */
    static String written(String arn) {
        if (arn.equals("*")) {
            return "'*'";
        }
        String id = ResourceArns.logicalIdOf(arn).orElse(null);
        if (id == null) {
            return arn;
        }
        String table = ResourceArns.table(id);
        if (arn.equals(table)) {
            return "!GetAtt " + id + ".Arn";
        }
        if (arn.startsWith(table + "/")) {
            return "!Sub '${" + id + ".Arn}" + arn.substring(table.length()) + "'";
        }
        return arn.equals(ResourceArns.secret(id)) || arn.equals(ResourceArns.arn("sns", id)) ? "!Ref " + id : "!GetAtt " + id + ".Arn";
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one. */
    static boolean matches(String pattern, String value, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString(), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }
}

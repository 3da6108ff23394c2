package io.ycbridge.iam;

import java.util.Optional;

/**
 * The ARN IAM checks a call against, for a resource of the template named by its logical id, in the stack's region and
 * account as a policy writes them ({@code ${AWS::Region}}, {@code ${AWS::AccountId}}): recorded calls and resolved
 * policies meet in this one form, so a policy's own ARN patterns (a Deny on {@code arn:${AWS::Partition}:sns:*:*:*})
 * mean what they mean in IAM.
 *
 * <p>Tests name their tables, queues and secrets after the logical id, with a suffix of their own to keep tests apart
 * ({@code RecordsTable-4242-7}, as {@code Tables.create} does; the local stack uses the bare id). Logical ids are
 * alphanumeric, so the id is the name's leading run of letters and digits; a name that does not start with one yields
 * a word the checker reports as no resource of the template.
 */
public final class ResourceArns {
    public static final String REGION = "${AWS::Region}";
    public static final String ACCOUNT = "${AWS::AccountId}";
    private static final String PREFIX = "arn:aws:";

    private ResourceArns() {
    }

    /** {@code arn:aws:<service>:${AWS::Region}:${AWS::AccountId}:<resource>}. */
    public static String arn(String service, String resource) {
        return PREFIX + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    public static String table(String tableName) {
        return arn("dynamodb", "table/" + logicalId(tableName));
    }

    /** A Query or Scan of an index is checked against the index's own ARN. */
    public static String index(String tableName, String indexName) {
        return table(tableName) + "/index/" + indexName;
    }

    /** A queue URL's last path segment is its name. */
    public static String queue(String queueUrl) {
        return arn("sqs", logicalId(queueUrl.substring(queueUrl.lastIndexOf('/') + 1)));
    }

    /** A secret id is its name or its ARN ({@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>}). */
    public static String secret(String secretId) {
        int name = secretId.indexOf(":secret:");
        return arn("secretsmanager", "secret:" + logicalId(name < 0 ? secretId : secretId.substring(name + ":secret:".length())));
    }

    /** An SNS topic or endpoint ARN: {@code arn:aws:sns:<region>:<account>:<topic>[:<subscription>]}. */
    public static String topic(String snsArn) {
        String[] parts = snsArn.split(":");
        return arn("sns", logicalId(parts.length > 5 ? parts[5] : snsArn));
    }

    /**
     * A mobile push ARN (a platform application {@code app/<platform>/<name>} or an endpoint
     * {@code endpoint/<platform>/<app>/<id>}) with its path whole: the operator makes them, no template resource names
     * them, and the template grants them by pattern.
     */
    public static String push(String snsArn) {
        String[] parts = snsArn.split(":", 6);
        return arn("sns", parts.length > 5 ? parts[5] : snsArn);
    }

    /** The template logical id a physical name stands for. */
    public static String logicalId(String physicalName) {
        int end = 0;
        while (end < physicalName.length() && Character.isLetterOrDigit(physicalName.charAt(end))) {
            end++;
        }
        return end == 0 ? physicalName : physicalName.substring(0, end);
    }

    /**
     * The logical id an ARN of this form names ({@code table/<id>/index/…}, {@code secret:<id>}, {@code <id>}); none for
     * {@code *} nor for a mobile push ARN ({@link #push}), which no template resource names.
     */
    public static Optional<String> logicalIdOf(String arn) {
        String scope = ":" + REGION + ":" + ACCOUNT + ":";
        int service = arn.indexOf(':', PREFIX.length());
        if (!arn.startsWith(PREFIX) || service < 0 || !arn.startsWith(scope, service)) {
            return Optional.empty();
        }
        String resource = arn.substring(service + scope.length());
        if (arn.startsWith(PREFIX + "sns:") && (resource.startsWith("app/") || resource.startsWith("endpoint/"))) {
            return Optional.empty();
        }
        if (resource.startsWith("table/")) {
            resource = resource.substring("table/".length());
        } else if (resource.startsWith("secret:")) {
            resource = resource.substring("secret:".length());
        }
        int end = resource.indexOf('/');
        return Optional.of(end < 0 ? resource : resource.substring(0, end));
    }
}

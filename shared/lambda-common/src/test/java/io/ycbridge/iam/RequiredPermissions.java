package io.ycbridge.iam;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The permissions IAM checks for one SDK request, which are not always the operation's name:
 * <ul>
 *   <li>DynamoDB's transactions have no action of their own: each item needs the action of the operation it stands for
 *   on its own table (Put: PutItem, Update: UpdateItem, Delete: DeleteItem, ConditionCheck: ConditionCheckItem, Get:
 *   GetItem), per "Using IAM with DynamoDB transactions" (docs.aws.amazon.com/amazondynamodb/latest/developerguide/
 *   transaction-apis-iam.html). BatchGetItem and BatchWriteItem are actions, needed on every table of the request.</li>
 *   <li>A Query or Scan of an index is checked against the index's ARN, {@code table/<t>/index/<i>}, not the table's
 *   ("DynamoDB API permissions: Actions, resources, and conditions reference", api-permissions-reference.html, and the
 *   Service Authorization Reference's index resource type).</li>
 *   <li>SQS's batch operations have no actions: SendMessageBatch is granted by sqs:SendMessage, and so on ("Amazon SQS
 *   batch actions", SQSDeveloperGuide/sqs-batch-api-actions.html).</li>
 * </ul>
 * Any other operation is its own action on the resource its request names, or on {@code *} if it names none.
 */
public final class RequiredPermissions {
    private RequiredPermissions() {
    }

    /**
     * The operation's name as the SDK gives it, and its request. The service is the request's package
     * ({@code software.amazon.awssdk.services.<service>.model}), which for the services we call is the IAM prefix.
     */
    public static List<Permission> of(String operation, SdkRequest request) {
        String packageName = request.getClass().getPackageName();
        String service = packageName.replaceFirst("^software\\.amazon\\.awssdk\\.services\\.", "").replaceFirst("\\..*$", "");
        return switch (service) {
            // Its own class, so a module whose tests have no DynamoDB on the classpath never loads its types.
            case "dynamodb" -> DynamoDbPermissions.of(operation, request);
            case "sqs" -> List.of(new Permission("sqs:" + operation.replaceFirst("Batch$", ""),
                    field(request, "QueueUrl").map(ResourceArns::queue).orElse("*")));
            case "secretsmanager" -> List.of(new Permission("secretsmanager:" + operation,
                    field(request, "SecretId").map(ResourceArns::secret).orElse("*")));
            default -> List.of(new Permission(service + ":" + operation, "*"));
        };
    }

    static Optional<String> field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class);
    }
}

package io.ycbridge.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** DynamoDB's part of {@link RequiredPermissions}: transactions and batches by item and table, queries by index. */
final class DynamoDbPermissions {
    private DynamoDbPermissions() {
    }

    static List<Permission> of(String operation, SdkRequest request) {
        Set<Permission> needed = new LinkedHashSet<>();
        switch (request) {
            case TransactWriteItemsRequest transaction -> {
                for (TransactWriteItem item : transaction.transactItems()) {
                    if (item.put() != null) {
                        needed.add(table("PutItem", item.put().tableName()));
                    }
                    if (item.update() != null) {
                        needed.add(table("UpdateItem", item.update().tableName()));
                    }
                    if (item.delete() != null) {
                        needed.add(table("DeleteItem", item.delete().tableName()));
                    }
                    if (item.conditionCheck() != null) {
                        needed.add(table("ConditionCheckItem", item.conditionCheck().tableName()));
                    }
                }
            }
            case TransactGetItemsRequest transaction -> {
                for (TransactGetItem item : transaction.transactItems()) {
                    needed.add(table("GetItem", item.get().tableName()));
                }
            }
            case BatchGetItemRequest batch -> batch.requestItems().keySet().forEach(name -> needed.add(table(operation, name)));
            case BatchWriteItemRequest batch -> batch.requestItems().keySet().forEach(name -> needed.add(table(operation, name)));
            default -> {
                String table = RequiredPermissions.field(request, "TableName").orElse(null);
                String index = RequiredPermissions.field(request, "IndexName").orElse(null);
                needed.add(new Permission("dynamodb:" + operation,
                        table == null ? "*" : index == null ? ResourceArns.table(table) : ResourceArns.index(table, index)));
            }
        }
        return new ArrayList<>(needed);
    }

    private static Permission table(String action, String tableName) {
        return new Permission("dynamodb:" + action, ResourceArns.table(tableName));
    }
}

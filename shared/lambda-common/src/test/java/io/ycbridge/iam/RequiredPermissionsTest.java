package io.ycbridge.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

class RequiredPermissionsTest {
    private static final Map<String, AttributeValue> KEY = Map.of("k", AttributeValue.fromS("v"));

    private static List<Permission> needed(String operation, SdkRequest request) {
        return RequiredPermissions.of(operation, request);
    }

    private static Permission dynamoDb(String action, String table) {
        return new Permission("dynamodb:" + action, ResourceArns.table(table));
    }

    @Test
    void aTransactionNeedsTheActionOfEachItemOnItsOwnTableAndNoActionOfItsOwn() {
        TransactWriteItemsRequest write = TransactWriteItemsRequest.builder().transactItems(
                item -> item.put(put -> put.tableName("UserLinksTable-1-2").item(KEY)),
                item -> item.update(update -> update.tableName("BonusLedgerTable-1-3").key(KEY).updateExpression("SET a = :a")),
                item -> item.delete(delete -> delete.tableName("UserLinksTable-1-2").key(KEY)),
                item -> item.conditionCheck(check -> check.tableName("ProfilesTable").key(KEY).conditionExpression("attribute_exists(k)")),
                item -> item.put(put -> put.tableName("UserLinksTable-1-2").item(KEY)))
                .build();

        assertEquals(List.of(dynamoDb("PutItem", "UserLinksTable"), dynamoDb("UpdateItem", "BonusLedgerTable"),
                dynamoDb("DeleteItem", "UserLinksTable"), dynamoDb("ConditionCheckItem", "ProfilesTable")), needed("TransactWriteItems", write));
        assertEquals(List.of(dynamoDb("GetItem", "CatalogTable"), dynamoDb("GetItem", "RecordsTable")),
                needed("TransactGetItems", TransactGetItemsRequest.builder().transactItems(
                        item -> item.get(get -> get.tableName("CatalogTable-9").key(KEY)),
                        item -> item.get(get -> get.tableName("RecordsTable").key(KEY))).build()));
    }

    @Test
    void aBatchNeedsItsActionOnEveryTableOfTheRequest() {
        Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
        items.put("RecordsTable-1", KeysAndAttributes.builder().keys(KEY).build());
        items.put("CatalogTable-2", KeysAndAttributes.builder().keys(KEY).build());

        assertEquals(List.of(dynamoDb("BatchGetItem", "RecordsTable"), dynamoDb("BatchGetItem", "CatalogTable")),
                needed("BatchGetItem", BatchGetItemRequest.builder().requestItems(items).build()));
        assertEquals(List.of(dynamoDb("BatchWriteItem", "CatalogTable")), needed("BatchWriteItem", BatchWriteItemRequest.builder()
                .requestItems(Map.of("CatalogTable-5", List.of(WriteRequest.builder().deleteRequest(delete -> delete.key(KEY)).build()))).build()));
    }

    @Test
    void aQueryOfAnIndexNeedsTheIndexAndOfTheTableTheTable() {
        assertEquals(List.of(new Permission("dynamodb:Query", "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/RecordsTable/index/by_change")),
                needed("Query", QueryRequest.builder().tableName("RecordsTable-7-1").indexName("by_change").build()));
        assertEquals(List.of(dynamoDb("Query", "CatalogTable")), needed("Query", QueryRequest.builder().tableName("CatalogTable").build()));
        assertEquals(List.of(dynamoDb("GetItem", "SyncStateTable")), needed("GetItem", GetItemRequest.builder().tableName("SyncStateTable-1-1").key(KEY).build()));
    }

    @Test
    void aSecretIsNamedByItsIdOrItsArnAndAQueueByItsUrl() {
        Permission secret = new Permission("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:YClientsSecret");
        assertEquals(List.of(secret), needed("GetSecretValue", GetSecretValueRequest.builder()
                .secretId("arn:aws:secretsmanager:us-east-1:123456789012:secret:YClientsSecret-test-AbCdEf").build()));
        assertEquals(List.of(secret), needed("GetSecretValue", GetSecretValueRequest.builder().secretId("YClientsSecret").build()));
        assertEquals("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:SyncQueue", ResourceArns.queue("http://127.0.0.1:5000/123456789012/SyncQueue-sched-1"));
    }

    @Test
    void aNameIsReadBackToItsLogicalId() {
        assertEquals("records", ResourceArns.logicalId("records-123"), "a name not after a logical id stays visible as such");
        assertEquals(Optional.of("RecordsTable"), ResourceArns.logicalIdOf(ResourceArns.index("RecordsTable-1", "by_change")));
        assertEquals(Optional.of("YClientsSecret"), ResourceArns.logicalIdOf(ResourceArns.secret("YClientsSecret")));
        assertEquals(Optional.of("SyncQueue"), ResourceArns.logicalIdOf(ResourceArns.queue("https://sqs/1/SyncQueue")));
        assertEquals(Optional.empty(), ResourceArns.logicalIdOf("*"));
        assertEquals(Optional.empty(), ResourceArns.logicalIdOf(ResourceArns.push("arn:aws:sns:us-east-1:123456789012:endpoint/GCM/salon-app/5e1f")),
                "a push endpoint is the operator's, no resource of the template");
        assertEquals(Optional.of("AlarmTopic"), ResourceArns.logicalIdOf(ResourceArns.topic("arn:aws:sns:us-east-1:123456789012:AlarmTopic-x")));
    }
}

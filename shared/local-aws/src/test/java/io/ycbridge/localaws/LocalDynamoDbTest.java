package io.ycbridge.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(LocalDynamoDbExtension.class)
class LocalDynamoDbTest {

    @Test
    void servesTheRealDynamoDbProtocolOnLoopback(LocalDynamoDb dynamoDb, DynamoDbClient client) {
        assertEquals("127.0.0.1", dynamoDb.endpoint().getHost());
        assertSame(dynamoDb.client(), client, "one client per instance");

        dynamoDb.createTables(List.of(table("local_aws_smoke")));
        client.putItem(put -> put.tableName("local_aws_smoke").item(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"))));

        assertEquals("1", client.getItem(get -> get.tableName("local_aws_smoke").key(Map.of("id", AttributeValue.fromS("a"))))
                .item().get("n").n());
    }

    @Test
    void returnsTheStoredItemWhenAConditionFails(LocalDynamoDb dynamoDb, DynamoDbClient client) {
        // RecordStore relies on ReturnValuesOnConditionCheckFailure to tell a duplicate from a stale write in one call.
        dynamoDb.createTables(List.of(table("local_aws_condition")));
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("7"));
        client.putItem(put -> put.tableName("local_aws_condition").item(item));

        ConditionalCheckFailedException refused = assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(put -> put
                .tableName("local_aws_condition").item(item)
                .conditionExpression("attribute_not_exists(id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertTrue(refused.hasItem(), "DynamoDB Local must return the stored item with the failure");
        assertEquals("7", refused.item().get("n").n());
    }

    @Test
    void listensOnLoopbackOnly(LocalDynamoDb dynamoDb) throws Exception {
        // Jetty's default is every interface; a null host would mean the loopback restriction was lost.
        assertEquals(List.of("127.0.0.1"), dynamoDb.boundHosts());
    }

    @Test
    void anEmptyFolderIsNoSqliteLibraryFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        assertFalse(SqliteNatives.containsLibrary(folder));
        java.nio.file.Files.createFile(folder.resolve("libsqlite4java-linux-amd64.so"));
        assertTrue(SqliteNatives.containsLibrary(folder));
    }

    private static CreateTableRequest table(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .build();
    }
}

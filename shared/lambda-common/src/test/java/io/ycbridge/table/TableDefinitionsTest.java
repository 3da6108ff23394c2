package io.ycbridge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.EnvVar;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@ExtendWith(LocalDynamoDbExtension.class)
class TableDefinitionsTest {

    @Test
    void everyDefinitionCreatesTheTableItDescribes(DynamoDbClient client) {
        for (TableDefinition definition : TableDefinitions.all()) {
            String name = Tables.create(client, definition);
            TableDescription table = client.describeTable(describe -> describe.tableName(name)).table();

            assertEquals(definition.partitionKey().name(), table.keySchema().get(0).attributeName(), definition.logicalId());
            assertEquals(KeyType.HASH, table.keySchema().get(0).keyType());
            assertEquals(definition.sortKeyIfAny().map(KeyAttribute::name).orElse(null),
                    table.keySchema().size() > 1 ? table.keySchema().get(1).attributeName() : null, definition.logicalId());
            assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
            assertEquals(definition.globalIndexes().size(), table.globalSecondaryIndexes().size());
            assertEquals(definition.streamIfAny().orElse(null),
                    table.streamSpecification() == null ? null : table.streamSpecification().streamViewType(), definition.logicalId());
            String ttl = client.describeTimeToLive(describe -> describe.tableName(name)).timeToLiveDescription().attributeName();
            assertEquals(definition.ttlAttribute(), ttl, definition.logicalId());
        }
    }

    @Test
    void theRecordsTableStreamsBothImagesAndIndexesChangeTime() {
        TableDefinition records = TableDefinitions.RECORDS;

        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, records.streamViewType());
        IndexDefinition byChange = records.globalIndexes().getFirst();
        assertEquals(TableDefinitions.RECORDS_BY_CHANGE_INDEX, byChange.name());
        assertEquals("company_id", byChange.partitionKey().name());
        assertEquals("changed_at", byChange.sortKey().name());
        assertEquals(ProjectionType.ALL, byChange.projection());
        IndexDefinition byPhone = records.globalIndexes().get(1);
        assertEquals(TableDefinitions.RECORDS_BY_CLIENT_PHONE_INDEX, byPhone.name());
        assertEquals("client_phone", byPhone.partitionKey().name());
        assertEquals("starts_at_ms", byPhone.sortKey().name());
        assertEquals(5, records.attributeDefinitions().size(), "company_id once, record_id, changed_at, client_phone, starts_at_ms");
    }

    @Test
    void logicalIdsAndVariablesAreUniqueAndNamedForTheirKind() {
        Set<String> ids = new HashSet<>();
        Set<EnvVar> variables = new HashSet<>();
        for (TableDefinition definition : TableDefinitions.all()) {
            assertTrue(ids.add(definition.logicalId()));
            assertTrue(variables.add(definition.nameVariable()));
            assertTrue(definition.logicalId().endsWith("Table"), definition.logicalId());
            assertTrue(definition.nameVariable().name().endsWith("_TABLE"), definition.nameVariable().name());
            // Bonus owners are app users, whose one balance spans a chain's companies; their record items still carry the company.
            // A profile is one app user's across the chain's branches too, and so are the proof of their phone, their bookings
            // and their loyalty cards (a card belongs to a chain), and their devices, whose pushes come from any branch.
            assertTrue(definition.partitionKey().name().equals("company_id")
                            || definition == TableDefinitions.BONUS_LEDGER || definition == TableDefinitions.USER_LINKS
                            || definition == TableDefinitions.PROFILES || definition == TableDefinitions.PHONE_VERIFICATIONS
                            || definition == TableDefinitions.BOOKINGS || definition == TableDefinitions.LOYALTY_CARDS
                            || definition == TableDefinitions.PUSH,
                    "every key starts with the company id: " + definition.logicalId());
        }
        assertNull(TableDefinitions.CATALOG.streamViewType());
    }

    @Test
    void aKeyAttributeCannotHaveTwoTypes() {
        TableDefinition clash = new TableDefinition("ClashTable", EnvVar.RECORDS_TABLE, KeyAttribute.number("a"), null,
                List.of(new IndexDefinition("i", KeyAttribute.string("a"), null, ProjectionType.KEYS_ONLY)), null, null);

        assertThrows(IllegalStateException.class, clash::attributeDefinitions);
    }
}

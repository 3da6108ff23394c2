package io.ycbridge.table;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** A global secondary index. {@code sortKey} may be null. */
public record IndexDefinition(String name, KeyAttribute partitionKey, KeyAttribute sortKey, ProjectionType projection) {

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(projection, "projection");
    }

    public Optional<KeyAttribute> sortKeyIfAny() {
        return Optional.ofNullable(sortKey);
    }

    GlobalSecondaryIndex toSdk() {
        GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                .indexName(name)
                .projection(Projection.builder().projectionType(projection).build());
        if (sortKey == null) {
            index.keySchema(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
        } else {
            index.keySchema(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
        }
        return index.build();
    }
}

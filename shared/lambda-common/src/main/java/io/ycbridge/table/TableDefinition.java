package io.ycbridge.table;

import io.ycbridge.config.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * What the code expects of one DynamoDB table: keys, indexes, stream and TTL. The deployed table is declared in
 * template.yaml under {@code logicalId} (TemplateTablesTest checks that the two agree); tests and the local stack
 * create the table from this definition. The table's name is never fixed: it arrives in {@code nameVariable}.
 * Nullable: {@code sortKey}, {@code streamViewType}, {@code ttlAttribute}.
 */
public record TableDefinition(
        String logicalId,
        EnvVar nameVariable,
        KeyAttribute partitionKey,
        KeyAttribute sortKey,
        List<IndexDefinition> globalIndexes,
        StreamViewType streamViewType,
        String ttlAttribute) {

    public TableDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(nameVariable, "nameVariable");
        Objects.requireNonNull(partitionKey, "partitionKey");
        globalIndexes = globalIndexes == null ? List.of() : List.copyOf(globalIndexes);
    }

    public Optional<KeyAttribute> sortKeyIfAny() {
        return Optional.ofNullable(sortKey);
    }

    public Optional<StreamViewType> streamIfAny() {
        return Optional.ofNullable(streamViewType);
    }

    public Optional<String> ttlIfAny() {
        return Optional.ofNullable(ttlAttribute);
    }

    /** Every attribute named in a key of the table or of an index, once, with its type. */
    public List<AttributeDefinition> attributeDefinitions() {
        Map<String, KeyAttribute> keys = new LinkedHashMap<>();
        add(keys, partitionKey);
        sortKeyIfAny().ifPresent(key -> add(keys, key));
        for (IndexDefinition index : globalIndexes) {
            add(keys, index.partitionKey());
            index.sortKeyIfAny().ifPresent(key -> add(keys, key));
        }
        return keys.values().stream().map(KeyAttribute::definition).toList();
    }

    /** On-demand billing, as in template.yaml: nothing to size, nothing to throttle at this traffic. */
    public CreateTableRequest createTableRequest(String tableName) {
        List<KeySchemaElement> keySchema = new ArrayList<>();
        keySchema.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
        sortKeyIfAny().ifPresent(key -> keySchema.add(KeySchemaElement.builder().attributeName(key.name()).keyType(KeyType.RANGE).build()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema)
                .attributeDefinitions(attributeDefinitions());
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes.stream().map(IndexDefinition::toSdk).toList());
        }
        streamIfAny().ifPresent(view -> request.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
        return request.build();
    }

    /** Creates the table, waits until it is active and switches TTL on: the local stack's and the tests' setup. */
    public void create(DynamoDbClient client, String tableName) {
        client.createTable(createTableRequest(tableName));
        client.waiter().waitUntilTableExists(describe -> describe.tableName(tableName));
        ttlIfAny().ifPresent(attribute -> client.updateTimeToLive(update -> update.tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(attribute).enabled(true).build())));
    }

    private static void add(Map<String, KeyAttribute> keys, KeyAttribute key) {
        KeyAttribute earlier = keys.putIfAbsent(key.name(), key);
        if (earlier != null && earlier.type() != key.type()) {
            throw new IllegalStateException("attribute " + key.name() + " is keyed both as " + earlier.type() + " and " + key.type());
        }
    }
}

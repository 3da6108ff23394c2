package io.ycbridge.table;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A key attribute: its name and scalar type (S or N; we key nothing by binary). */
public record KeyAttribute(String name, ScalarAttributeType type) {

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static KeyAttribute number(String name) {
        return new KeyAttribute(name, ScalarAttributeType.N);
    }

    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, ScalarAttributeType.S);
    }

    AttributeDefinition definition() {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}

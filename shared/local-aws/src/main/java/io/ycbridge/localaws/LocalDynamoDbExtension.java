package io.ycbridge.localaws;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code @ExtendWith(LocalDynamoDbExtension.class)}: injects a {@link LocalDynamoDb} or its {@link DynamoDbClient}
 * into constructors, lifecycle methods and tests. One instance serves the whole test run (kept in the root context's
 * store, which closes it when the run ends), so tests create tables under unique names instead of sharing state.
 */
public final class LocalDynamoDbExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDynamoDbExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalDynamoDb.class || type == DynamoDbClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalDynamoDb dynamoDb = shared(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalDynamoDb.class) {
            return dynamoDb;
        }
        if (type == DynamoDbClient.class) {
            return dynamoDb.client();
        }
        throw new ParameterResolutionException("LocalDynamoDbExtension cannot supply " + type.getName());
    }

    /** The run's instance, started on first use. JUnit closes stored {@link AutoCloseable} values with their context. */
    public static LocalDynamoDb shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalDynamoDb.class, type -> LocalDynamoDb.start(), LocalDynamoDb.class);
    }
}

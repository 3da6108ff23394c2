package io.ycbridge.localaws;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(MotoServerExtension.class)}: injects a {@link MotoServer} shared by the whole test run. When moto
 * cannot start (no virtualenv, broken install) the tests that need it fail with the reason and the fix — they are
 * never skipped, so a CI run without moto cannot pass by testing less.
 */
public final class MotoServerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    public static MotoServer shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MotoServer.class, type -> MotoServer.start(), MotoServer.class);
    }
}

package io.ycbridge.iam;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the permissions of every SDK call a deployed handler makes in a test. The SDK attaches it to every client
 * built in a test JVM that has lambda-common's test jar: the jar carries
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, the SDK's list of global interceptors, so the
 * functions' real clients are recorded without any change to the code that builds them. It reads the request and
 * changes nothing. Once per execution, before the first attempt: a retried call needs the same permission.
 */
public final class PermissionRecorder implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CallingHandler.current().ifPresent(caller -> {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            for (Permission permission : RequiredPermissions.of(operation, context.request())) {
                PermissionLog.jvm().record(new PermissionUse(caller.handlerClass(), permission, caller.seenIn()));
            }
        });
    }
}

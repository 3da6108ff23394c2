package io.ycbridge.iam;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

/**
 * Which deployed function makes the AWS call now: the innermost frame on the calling thread's stack whose class is a
 * concrete Lambda handler (template.yaml names each function's in its {@code Handler}). Calls made with no handler on
 * the stack, a test creating its tables or reading what a handler stored, belong to no function and are not recorded.
 *
 * <p>The stack answers because every call of ours is synchronous on the thread that runs the handler: the functions'
 * url-connection HTTP client has no worker threads, and no handler hands work to an executor. A call moved to another
 * thread would lose its function and go unrecorded, which the checker then reports as an unused grant.
 */
public final class CallingHandler {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The handler's class name, and where in the tests the call came from (for the checker's messages). */
    public record Caller(String handlerClass, String seenIn) {
    }

    private CallingHandler() {
    }

    public static Optional<Caller> current() {
        List<StackWalker.StackFrame> frames = WALKER.walk(stream -> stream.toList());
        for (int i = 0; i < frames.size(); i++) {
            if (isHandler(frames.get(i).getDeclaringClass())) {
                return Optional.of(new Caller(frames.get(i).getClassName(), seenIn(frames.subList(i + 1, frames.size()))));
            }
        }
        return Optional.empty();
    }

    private static boolean isHandler(Class<?> type) {
        return RequestStreamHandler.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }

    /** The outermost frame of a test class: the test method (or lifecycle method) JUnit called; else the thread's name. */
    private static String seenIn(List<StackWalker.StackFrame> outer) {
        for (int i = outer.size() - 1; i >= 0; i--) {
            String name = outer.get(i).getClassName();
            if (name.endsWith("Test") || name.endsWith("IT")) {
                return name.substring(name.lastIndexOf('.') + 1) + "." + outer.get(i).getMethodName();
            }
        }
        return "thread " + Thread.currentThread().getName();
    }
}

package io.ycbridge.reliability;

import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A fault-injecting wrapper around the real DynamoDB client. The SDK loads it into every client it builds (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath), so the handlers' own
 * clients — made from {@code Config} exactly as in Lambda — carry it without any hook in main code.
 *
 * <p>It only acts on the thread inside {@link #during} (or {@link #down}, an outage: every call fails), so the test's
 * own reads (the oracle, the stream poller) are never disturbed. Two faults, seeded: the call fails before it is sent ({@code beforeExecution}, outside the SDK's
 * retries, so the caller sees it), or the call reaches DynamoDB and its answer is lost ({@code afterExecution}: the
 * write happened, the caller is told it failed).
 */
public final class DynamoDbFaults implements ExecutionInterceptor {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> DOWN = ThreadLocal.withInitial(() -> false);
    private static volatile Random random = new Random(0);
    private static volatile double beforeRate;
    private static volatile double afterRate;
    static final AtomicInteger BEFORE = new AtomicInteger();
    static final AtomicInteger AFTER = new AtomicInteger();
    /** Calls refused by {@link #down}. */
    static final AtomicInteger OUTAGE = new AtomicInteger();

    /** Required by the SDK's classpath loader. */
    public DynamoDbFaults() {
    }

    static synchronized void arm(long seed, double failBeforeSending, double loseAnswer) {
        random = new Random(seed);
        beforeRate = failBeforeSending;
        afterRate = loseAnswer;
        BEFORE.set(0);
        AFTER.set(0);
    }

    static synchronized void disarm() {
        beforeRate = 0;
        afterRate = 0;
    }

    /** Runs the action with faults on for this thread's DynamoDB calls. */
    static <T> T during(Callable<T> action) throws Exception {
        ACTIVE.set(true);
        try {
            return action.call();
        } finally {
            ACTIVE.set(false);
        }
    }

    /** Runs the action with DynamoDB unavailable to this thread: every call fails before it is sent. */
    static <T> T down(Callable<T> action) throws Exception {
        DOWN.set(true);
        try {
            return action.call();
        } finally {
            DOWN.set(false);
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (DOWN.get() && isDynamoDb(attributes)) {
            OUTAGE.incrementAndGet();
            throw SdkClientException.create("injected outage: DynamoDB is unavailable");
        }
        if (roll(attributes, beforeRate)) {
            BEFORE.incrementAndGet();
            throw SdkClientException.create("injected fault: the request was not sent");
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse ignored = context.response();
        if (ignored != null && roll(attributes, afterRate)) {
            AFTER.incrementAndGet();
            throw SdkClientException.create("injected fault: the answer was lost");
        }
    }

    private static boolean isDynamoDb(ExecutionAttributes attributes) {
        return "DynamoDB".equalsIgnoreCase(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)));
    }

    private static boolean roll(ExecutionAttributes attributes, double rate) {
        if (!ACTIVE.get() || rate <= 0 || !isDynamoDb(attributes)) {
            return false;
        }
        synchronized (DynamoDbFaults.class) {
            return random.nextDouble() < rate;
        }
    }
}

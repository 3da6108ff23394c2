package io.ycbridge.ops;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A DynamoDB table that is unavailable: while {@link #of} is open, every DynamoDB request that names the table fails
 * before it is sent, for every client in this JVM — the SDK loads this interceptor into each client it builds (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath), so the accrual
 * function's own client, built from its {@code Config} as in Lambda, fails with no hook in main code. Requests that do
 * not name the table (the records table, the stream, SQS) go through.
 */
public final class TableOutage implements ExecutionInterceptor {
    static final AtomicInteger FAILED = new AtomicInteger();
    private static volatile Pattern down;

    /** Required by the SDK's classpath loader. */
    public TableOutage() {
    }

    /** The table is down until the returned handle is closed. */
    static AutoCloseable of(String table) {
        // The whole name: BonusLedgerTable-1 must not take BonusLedgerTable-12 down with it.
        down = Pattern.compile("(?<![\\w-])" + Pattern.quote(table) + "(?![\\w-])");
        return () -> down = null;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Pattern table = down;
        // A request's toString names every table it touches (TableName, RequestItems, TransactItems).
        if (table != null && "DynamoDB".equalsIgnoreCase(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)))
                && table.matcher(context.request().toString()).find()) {
            FAILED.incrementAndGet();
            throw SdkClientException.create("injected outage: the table is unavailable");
        }
    }
}

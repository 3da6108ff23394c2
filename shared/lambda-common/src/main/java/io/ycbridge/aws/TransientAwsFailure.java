package io.ycbridge.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Whether a failure is DynamoDB (or another AWS service) asking us to come back later — throttling, or a transaction
 * that lost to a concurrent one — rather than a refusal. The SDK has already retried these with back-off by the time
 * we see them, so an app route answers 503 with Retry-After: never 409, which would tell the app something about the
 * data that is not true.
 */
public final class TransientAwsFailure {
    private static final Set<String> CODES = Set.of("ThrottlingException", "Throttling", "ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "RequestLimitExceededException", "TransactionConflictException", "TransactionInProgressException",
            "ThrottlingError", "ProvisionedThroughputExceeded", "TransactionConflict", "TooManyRequestsException");

    private TransientAwsFailure() {
    }

    /** True when {@code failure} or a cause of it is throttling or a transaction conflict. */
    public static boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionCanceledException cancelled) {
                // Cancelled as a whole; a reason per item. A failed condition is a real answer, a conflict or a throttle is not.
                if (cancelled.hasCancellationReasons()) {
                    for (CancellationReason reason : cancelled.cancellationReasons()) {
                        if (reason.code() != null && CODES.contains(reason.code())) {
                            return true;
                        }
                    }
                }
                return false;
            }
            if (cause instanceof AwsServiceException service) {
                if (service.isThrottlingException() || service.statusCode() == 503
                        || service.awsErrorDetails() != null && CODES.contains(service.awsErrorDetails().errorCode())) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.ycbridge.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransientAwsFailureTest {

    @Test
    void throttlingAndConflictsAreTransient() {
        assertTrue(TransientAwsFailure.test(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build()));
        assertTrue(TransientAwsFailure.test(RequestLimitExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestLimitExceeded").build()).build()));
        assertTrue(TransientAwsFailure.test(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build()));
        assertTrue(TransientAwsFailure.test(cancelled("None", "TransactionConflict")));
        assertTrue(TransientAwsFailure.test(cancelled("ThrottlingError")));
        assertTrue(TransientAwsFailure.test(new IllegalStateException("wrapped", cancelled("TransactionConflict"))), "found as a cause");
    }

    @Test
    void refusalsAreNot() {
        assertFalse(TransientAwsFailure.test(cancelled("ConditionalCheckFailed", "None")));
        assertFalse(TransientAwsFailure.test(ConditionalCheckFailedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConditionalCheckFailedException").build()).build()));
        assertFalse(TransientAwsFailure.test(new IllegalArgumentException("bad input")));
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
                .cancellationReasons(java.util.Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build()).toList())
                .build();
    }
}

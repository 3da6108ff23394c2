package io.ycbridge.iam;

import java.util.Objects;

/**
 * An IAM action on the ARN IAM checks it against, written by {@link ResourceArns}: {@code dynamodb:DeleteItem} on
 * {@code arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/UserLinksTable}, {@code dynamodb:Query} on that
 * table's {@code /index/by_change}, {@code sns:Publish} on {@code *} (a phone number, which has no ARN).
 */
public record Permission(String action, String resource) {
    public Permission {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }

    @Override
    public String toString() {
        return action + " on " + resource;
    }
}

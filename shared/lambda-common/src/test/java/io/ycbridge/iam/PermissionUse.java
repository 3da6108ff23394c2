package io.ycbridge.iam;

/** A permission the handler {@code handlerClass} needed for a call it made in a test, and the test, for messages. */
public record PermissionUse(String handlerClass, Permission permission, String seenIn) {
}

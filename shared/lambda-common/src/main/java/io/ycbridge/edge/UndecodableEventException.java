package io.ycbridge.edge;

import java.io.IOException;

/**
 * The function's input is not the event it takes. The message says what is wrong and where, and is safe to answer
 * with or log: it never quotes the input, and carries no cause, whose message could.
 */
public final class UndecodableEventException extends IOException {
    public UndecodableEventException(String reason) {
        super(reason);
    }
}

package io.ycbridge.edge;

/**
 * The kinds of refusal the app routes answer, each an RFC 9457 problem type. The URIs are names, not pages: a client
 * compares them as strings (openapi.yaml lists them under the Problem schema), and {@code detail} says what exactly
 * was wrong. A status without a type of its own answers {@code about:blank}, whose title is the status's phrase
 * (RFC 9457, section 4.2.1).
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    UNAUTHORIZED(401, "unauthorized", "No user"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "In conflict with the current state"),
    UNPROCESSABLE(422, "unprocessable", "Understood, but refused"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    UNAVAILABLE(503, "unavailable", "Temporarily unavailable");

    /** The prefix of every type URI; openapi.yaml and the README list the whole URIs. */
    public static final String PREFIX = "urn:ycbridge:problem:";

    private final int status;
    private final String uri;
    private final String title;

    ProblemType(int status, String name, String title) {
        this.status = status;
        this.uri = PREFIX + name;
        this.title = title;
    }

    /** The type a refusal with this status answers, or empty for {@code about:blank}. */
    public static java.util.Optional<ProblemType> forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    public int status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}

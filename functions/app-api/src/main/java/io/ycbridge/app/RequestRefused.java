package io.ycbridge.app;

import io.ycbridge.edge.HttpResponse;
import java.util.Map;

/**
 * A request we answer with a 4xx or 503 and a reason the app can show or log; never carries personal data.
 * {@code members} are the problem's extension members (the free times that replace a taken one, the booking link to
 * fall back on), {@code headers} such as a {@code Retry-After}.
 */
public final class RequestRefused extends RuntimeException {
    private final int status;
    private final Map<String, ?> members;
    private final Map<String, String> headers;

    public RequestRefused(int status, String reason) {
        this(status, reason, Map.of(), Map.of());
    }

    public RequestRefused(int status, String reason, Map<String, ?> members, Map<String, String> headers) {
        super(reason);
        this.status = status;
        this.members = Map.copyOf(members);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    /** The refusal as the route answers it: an RFC 9457 problem. */
    public HttpResponse answer() {
        return HttpResponse.problem(status, getMessage(), members, headers);
    }
}

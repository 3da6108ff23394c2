package io.ycbridge.simulator;

/** Ends a request early with a ready answer; thrown by checks deep in an endpoint, so it carries no stack. */
final class ApiRefusal extends RuntimeException {
    private final transient ApiResponse response;

    ApiRefusal(ApiResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    static ApiRefusal failure(int status, String message) {
        return new ApiRefusal(ApiResponse.json(status, Envelope.failure(message)));
    }

    ApiResponse response() {
        return response;
    }
}

package io.ycbridge.simulator;

/** Answers one route; refusals are thrown as {@link ApiRefusal}. */
@FunctionalInterface
interface Endpoint {
    ApiResponse handle(ApiCall call);
}

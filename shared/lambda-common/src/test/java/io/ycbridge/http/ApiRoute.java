package io.ycbridge.http;

import java.util.List;
import java.util.Set;

/**
 * The app-facing HTTP routes, one constant each: method, path, query parameters and every status the handler can
 * answer. The handlers' tests assert each answer's status is listed here, and app-api's OpenApiContractTest asserts
 * that openapi.yaml says exactly the same — so the published contract, this list and the handlers cannot drift apart.
 * In lambda-common's test jar because it is the tests' contract: the handlers themselves need no list of routes.
 */
public enum ApiRoute {
    BOOKING_URL("GET", "/v1/booking-url", List.of("company", "service", "staff"), Set.of(200, 400, 401, 403, 404)),
    CATALOG("GET", "/v1/catalog", List.of("company"), Set.of(200, 304, 400, 401, 404)),
    PROFILE("PUT", "/v1/me/profile", List.of(), Set.of(200, 400, 401, 503)),
    ACCOUNT("DELETE", "/v1/me", List.of(), Set.of(204, 401, 503)),
    PHONE_VERIFICATION_SEND("POST", "/v1/me/phone/verification", List.of(), Set.of(202, 400, 401, 429, 503)),
    PHONE_VERIFICATION_CHECK("PUT", "/v1/me/phone/verification", List.of(), Set.of(200, 400, 401, 422, 429, 503)),
    BONUS("GET", "/v1/me/bonus", List.of("limit", "cursor"), Set.of(200, 400, 401)),
    BOOKING_SERVICES("GET", "/v1/booking/services", List.of("company", "service", "staff", "datetime"), Set.of(200, 400, 401, 404, 503)),
    BOOKING_STAFF("GET", "/v1/booking/staff", List.of("company", "service", "datetime"), Set.of(200, 400, 401, 404, 503)),
    BOOKING_DATES("GET", "/v1/booking/dates", List.of("company", "service", "staff", "month"), Set.of(200, 400, 401, 404, 503)),
    BOOKING_TIMES("GET", "/v1/booking/times", List.of("company", "date", "service", "staff"), Set.of(200, 400, 401, 404, 503)),
    BOOK("POST", "/v1/bookings", List.of(), Set.of(201, 202, 400, 401, 403, 404, 409, 422, 503)),
    VISITS("GET", "/v1/me/visits", List.of("when", "limit", "cursor"), Set.of(200, 304, 400, 401)),
    VISIT_CANCEL("DELETE", "/v1/me/visits/{id}", List.of(), Set.of(204, 400, 401, 403, 404, 409, 503)),
    VISIT_MOVE("PUT", "/v1/me/visits/{id}", List.of(), Set.of(200, 400, 401, 403, 404, 409, 422, 503)),
    DEVICE_REGISTER("PUT", "/v1/me/devices", List.of(), Set.of(200, 400, 401, 409, 503)),
    DEVICE_REMOVE("DELETE", "/v1/me/devices/{id}", List.of(), Set.of(204, 401, 404, 503));

    private final String method;
    private final String path;
    private final List<String> queryParameters;
    private final Set<Integer> statuses;

    ApiRoute(String method, String path, List<String> queryParameters, Set<Integer> statuses) {
        this.method = method;
        this.path = path;
        this.queryParameters = queryParameters;
        this.statuses = statuses;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The HTTP API's route key, {@code "GET /v1/catalog"}, as it appears in events and the template. */
    public String routeKey() {
        return method + " " + path;
    }

    public List<String> queryParameters() {
        return queryParameters;
    }

    public Set<Integer> statuses() {
        return statuses;
    }
}

package io.ycbridge.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Every request's way through the simulator, in the order the real API appears to check things: record it,
 * apply an armed fault, send non-API paths to the web site, 404/405 for unknown routes (seed 003 saw 404s whatever
 * the token), the v2 Accept header, the partner token, then the user token and its rights on the company.
 */
final class ApiHandler implements HttpHandler {
    static final String API_PREFIX = "/api/v1";
    private static final List<String> V2_MEDIA_TYPES = List.of("application/vnd.yclients.v2+json", "application/vnd.api.v2+json");
    private static final String WEB_SITE = "https://yclients.com/";

    private final List<Route> routes;
    private final Accounts accounts;
    private final Faults faults;
    private final RequestLog log;
    private final MovableClock clock;
    private final Supplier<MessageLanguage> language;
    private final RateLimitWindows rateLimit;

    ApiHandler(List<Route> routes, Accounts accounts, Faults faults, RateLimitWindows rateLimit, RequestLog log, MovableClock clock,
               Supplier<MessageLanguage> language) {
        this.routes = routes;
        this.accounts = accounts;
        this.faults = faults;
        this.rateLimit = rateLimit;
        this.log = log;
        this.clock = clock;
        this.language = language;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            ApiResponse response;
            try {
                response = answer(exchange);
            } catch (InterruptedException e) {
                // The simulator is closing during a latency fault: drop the exchange without an answer.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                response = ApiResponse.json(500, Envelope.failure(language.get().serverError() + ": " + e));
            }
            write(exchange, response);
        } catch (IOException e) {
            // The caller went away; nothing to answer.
        } finally {
            exchange.close();
        }
    }

    private ApiResponse answer(HttpExchange exchange) throws IOException, InterruptedException {
        MessageLanguage lang = language.get();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = exchange.getRequestURI().getPath();
        boolean api = fullPath.equals(API_PREFIX) || fullPath.startsWith(API_PREFIX + "/");
        String path = api ? fullPath.substring(API_PREFIX.length()) : fullPath;
        if (path.isEmpty()) {
            path = "/";
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RecordedRequest request = new RecordedRequest(method, path, query(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders(), body);
        log.add(request);

        boolean repeatPreviousPageItem = false;
        Fault.AnswerLost answerLost = null;
        Optional<Fault> fault = faults.take(request);
        if (fault.isPresent()) {
            switch (fault.get()) {
                case Fault.Latency latency -> Thread.sleep(latency.delay());
                case Fault.DuplicatePageItems ignored -> repeatPreviousPageItem = true;
                case Fault.ChangeBeforeNextPage meanwhile -> meanwhile.change().run();
                case Fault.ChangeBefore meanwhile -> meanwhile.change().run();
                case Fault.AnswerLost lost -> answerLost = lost;
                default -> {
                    return faultAnswer(fault.get(), lang);
                }
            }
        }
        if (!api) {
            return webSite(302);
        }
        Optional<java.time.Duration> limited = rateLimit.admit(clock.now());
        if (limited.isPresent()) {
            return faultAnswer(Fault.rateLimited(limited.get()), lang);
        }

        String routed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Route route = null;
        Matcher matched = null;
        Set<String> allowed = new TreeSet<>();
        for (Route candidate : routes) {
            Matcher m = candidate.pattern().matcher(routed);
            if (m.matches()) {
                allowed.add(candidate.method());
                if (route == null && candidate.method().equals(method)) {
                    route = candidate;
                    matched = m;
                }
            }
        }
        if (allowed.isEmpty()) {
            return ApiResponse.json(404, Envelope.failure(lang.notFound()));
        }
        if (route == null) {
            return ApiResponse.json(405, Envelope.failure(lang.methodNotAllowed())).withHeader("Allow", String.join(", ", allowed));
        }

        String accept = String.join(",", request.headerValues("Accept")).toLowerCase(Locale.ROOT);
        if (V2_MEDIA_TYPES.stream().noneMatch(accept::contains)) {
            return ApiResponse.json(400, Envelope.failure(lang.acceptRequired()));
        }

        Optional<AuthorizationHeader> authorization = AuthorizationHeader.parse(request.header("Authorization").orElse(null));
        if (authorization.isEmpty() || !accounts.partnerAccepted(authorization.get().partnerToken())) {
            return ApiResponse.json(401, Envelope.failure(lang.partnerMissing()));
        }
        Optional<UserAccount> user = authorization.get().userToken().flatMap(accounts::userByToken);
        if (route.access() == Route.Access.COMPANY_USER) {
            if (user.isEmpty()) {
                return ApiResponse.json(401, Envelope.errors(lang.userRequired()));
            }
            if (!user.get().manages(Long.parseLong(matched.group(route.companyGroup())))) {
                return ApiResponse.json(403, Envelope.failure(lang.noRights()));
            }
        }

        List<String> params = new ArrayList<>();
        for (int i = 1; i <= matched.groupCount(); i++) {
            params.add(matched.group(i));
        }
        ApiCall call = new ApiCall(request, Collections.unmodifiableList(params), user, lang, clock.now(),
                repeatPreviousPageItem);
        ApiResponse answer;
        try {
            answer = route.endpoint().handle(call);
        } catch (ApiRefusal refusal) {
            answer = refusal.response();
        }
        return answerLost == null ? answer : faultAnswer(Fault.status(answerLost.httpStatus(), lang.serviceUnavailable()), lang);
    }

    private ApiResponse faultAnswer(Fault fault, MessageLanguage lang) {
        return switch (fault) {
            case Fault.Status status -> status.httpStatus() == 204
                    ? new ApiResponse(204, Map.of(), new byte[0])
                    : ApiResponse.json(status.httpStatus(), Envelope.failure(
                            status.message() != null ? status.message() : defaultText(status.httpStatus(), lang)));
            case Fault.RateLimited limited -> ApiResponse.json(429, Envelope.failure(lang.tooManyRequests()))
                    .withHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
            case Fault.HtmlRedirect redirect -> webSite(redirect.httpStatus()).withHeader("Location", redirect.location().toString());
            case Fault.SuccessFalse refusal -> ApiResponse.json(200, Envelope.failure(refusal.message()));
            case Fault.Latency ignored -> throw new IllegalStateException("latency answers normally");
            case Fault.DuplicatePageItems ignored -> throw new IllegalStateException("duplicates answer normally");
            case Fault.ChangeBeforeNextPage ignored -> throw new IllegalStateException("a change answers normally");
            case Fault.ChangeBefore ignored -> throw new IllegalStateException("a change answers normally");
            case Fault.AnswerLost ignored -> throw new IllegalStateException("a lost answer is answered after the work");
        };
    }

    private static String defaultText(int status, MessageLanguage lang) {
        return switch (status) {
            case 503 -> lang.serviceUnavailable();
            case 404 -> lang.notFound();
            default -> lang.serverError();
        };
    }

    /** What a misdirected call meets: the brand's web site, in HTML (seed 003). */
    private static ApiResponse webSite(int status) {
        String html = "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>YCLIENTS — онлайн-запись</title>"
                + "</head><body><p>Moved to <a href=\"" + WEB_SITE + "\">" + WEB_SITE + "</a></p></body></html>\n";
        return ApiResponse.html(status, html).withHeader("Location", WEB_SITE);
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Form-style decoding ('+' is a space), as the real PHP server decodes query strings; first value wins. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.putIfAbsent(decode(name), decode(value));
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

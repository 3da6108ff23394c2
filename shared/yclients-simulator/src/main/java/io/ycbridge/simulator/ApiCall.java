package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One request that passed the protocol checks, as an endpoint sees it: the path's captured ids, the user (when
 * the route needs one), the language to answer in, and whether a duplicate-page fault is in effect.
 */
record ApiCall(RecordedRequest request, List<String> pathParams, Optional<UserAccount> user, MessageLanguage language, Instant now, boolean repeatPreviousPageItem) {

    long pathId(int index) {
        return Long.parseLong(pathParams.get(index));
    }

    Optional<Long> optionalPathId(int index) {
        return index < pathParams.size() && pathParams.get(index) != null
                ? Optional.of(Long.parseLong(pathParams.get(index))) : Optional.empty();
    }

    Optional<String> query(String name) {
        return request.queryParam(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    boolean flag(String name) {
        return query(name).map(value -> value.equals("1") || value.equalsIgnoreCase("true")).orElse(false);
    }

    /** A positive integer parameter; missing, unparsable or non-positive values fall back as PHP's intval would. */
    int positiveInt(String name, int fallback) {
        try {
            int value = Integer.parseInt(query(name).orElse(""));
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    Optional<Long> longParam(String name) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw ApiRefusal.failure(400, language.badParameter(name));
        }
    }

    /** The body as a JSON object, or a 400 refusal. */
    JsonNode jsonBody() {
        JsonNode body = Json.parseOrNull(request.body());
        if (body == null || !body.isObject()) {
            throw ApiRefusal.failure(400, language.badRequestBody());
        }
        return body;
    }

    UserAccount requireUser() {
        return user.orElseThrow(() -> new ApiRefusal(ApiResponse.json(401, Envelope.errors(language.userRequired()))));
    }
}

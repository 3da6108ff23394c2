package io.ycbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;

/** A route's JSON body read into a tree, refused with the reason when it is not a JSON object. */
public final class RequestBody {
    private RequestBody() {
    }

    public static JsonNode object(byte[] body) {
        JsonNode json;
        try {
            json = ApiJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new RequestRefused(400, "the body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new RequestRefused(400, "the body must be a JSON object");
        }
        return json;
    }
}

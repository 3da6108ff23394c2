package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code POST /auth}. */
public record UserToken(
        Long id,
        @JsonProperty("user_token") String userToken,
        String name,
        String login,
        @JsonProperty("is_approved") Boolean approved) {

    @Override
    public String toString() {
        return "UserToken[id=" + id + ", userToken=****]";
    }
}

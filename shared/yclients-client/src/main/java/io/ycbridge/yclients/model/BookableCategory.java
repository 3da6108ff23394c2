package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A category of the online booking's services; it groups them and cannot itself be booked. */
public record BookableCategory(long id, String title, Integer weight, @JsonProperty("api_id") String apiId) {
}

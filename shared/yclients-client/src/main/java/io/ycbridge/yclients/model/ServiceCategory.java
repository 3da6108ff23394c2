package io.ycbridge.yclients.model;

public record ServiceCategory(long id, String title, Integer weight) {
}

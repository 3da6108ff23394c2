package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A company's webhook settings ({@code /hooks_settings/{company_id}}): {@code urls}, {@code active} and one 0/1
 * switch per resource ({@code record}, {@code client}, {@code salon}, {@code goods_operations_sale}, …), as YClients'
 * published API description shows. Kept as the JSON the API sent so that a read-modify-write changes only what we
 * mean to change: the business may use other switches and URLs for other integrations.
 */
public final class HookSettings {
    private final ObjectNode json;

    @JsonCreator
    public HookSettings(JsonNode json) {
        this.json = json instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    @JsonValue
    public JsonNode json() {
        return json.deepCopy();
    }

    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        json.path("urls").forEach(url -> urls.add(url.asText()));
        return urls;
    }

    public boolean active() {
        return flag("active");
    }

    public boolean recordEvents() {
        return flag("record");
    }

    public boolean deliversRecordsTo(String url) {
        return active() && recordEvents() && urls().contains(url);
    }

    /** A copy that also sends record events to {@code url}; other URLs and switches are kept as they were. */
    public HookSettings withRecordsTo(String url) {
        ObjectNode copy = json.deepCopy();
        ArrayNode urls = copy.putArray("urls");
        List<String> existing = urls();
        existing.forEach(urls::add);
        if (!existing.contains(url)) {
            urls.add(url);
        }
        copy.put("active", 1);
        copy.put("record", 1);
        return new HookSettings(copy);
    }

    /** A copy that no longer sends anything to {@code url} (a URL whose token was rotated out); the rest as it was. */
    public HookSettings withoutUrl(String url) {
        ObjectNode copy = json.deepCopy();
        ArrayNode urls = copy.putArray("urls");
        urls().stream().filter(existing -> !existing.equals(url)).forEach(urls::add);
        return new HookSettings(copy);
    }

    private boolean flag(String name) {
        JsonNode value = json.path(name);
        return value.isBoolean() ? value.asBoolean() : value.asInt(0) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HookSettings settings && settings.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** The URLs carry our webhook secret in their last segment, so only hosts are shown. */
    @Override
    public String toString() {
        List<String> hosts = urls().stream().map(u -> u.replaceAll("^(https?://[^/]+).*$", "$1/…")).toList();
        return "HookSettings[urls=" + hosts + ", active=" + active() + ", record=" + recordEvents() + "]";
    }
}

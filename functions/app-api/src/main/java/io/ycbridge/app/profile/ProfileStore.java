package io.ycbridge.app.profile;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ProfilesTable: one item per app user (the token's subject). Written by {@code PUT /v1/me/profile}
 * and read by the booking-url route (both in app-api). A put replaces the whole profile: the
 * app always sends all of it, so a field it leaves out (the e-mail) is meant to be gone.
 */
public final class ProfileStore {
    static final String USER_ID = "user_id";
    static final String NAME = "name";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String APP_CODE = "app_code";
    static final String UPDATED_AT = "updated_at";

    private final DynamoDbClient client;
    private final String table;

    /** @param table the deployed table's name, from {@code PROFILES_TABLE} */
    public ProfileStore(DynamoDbClient client, String table) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
    }

    public void put(Profile profile) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USER_ID, AttributeValue.fromS(profile.userId()));
        putIfPresent(item, NAME, profile.name());
        putIfPresent(item, PHONE, profile.phoneE164());
        putIfPresent(item, EMAIL, profile.email());
        putIfPresent(item, APP_CODE, profile.appCode());
        item.put(UPDATED_AT, AttributeValue.fromN(Long.toString(profile.updatedAt().toEpochMilli())));
        client.putItem(put -> put.tableName(table).item(item));
    }

    /** Account deletion: the profile is personal data and nothing else needs it. Deleting what is gone is no error. */
    public void delete(String userId) {
        client.deleteItem(delete -> delete.tableName(table).key(Map.of(USER_ID, AttributeValue.fromS(userId))));
    }

    public Optional<Profile> find(String userId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table)
                .key(Map.of(USER_ID, AttributeValue.fromS(userId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Profile(userId, text(item, NAME), text(item, PHONE), text(item, EMAIL), text(item, APP_CODE),
                Instant.ofEpochMilli(Long.parseLong(item.get(UPDATED_AT).n()))));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}

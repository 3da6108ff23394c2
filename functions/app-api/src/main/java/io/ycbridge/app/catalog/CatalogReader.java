package io.ycbridge.app.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.catalog.CatalogItem;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.app.catalog.CatalogView.Hidden;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.yclients.ApiJson;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads the last good catalog that catalog sync stored (CatalogTable) and turns it into {@link CatalogView}. Only our
 * table is read, so the app keeps its catalog and its booking links while the YClients API is down. The stored bodies
 * are the sync's canonical JSON (the API's field names: {@code category_id}, {@code price_min}, {@code fired}, ...).
 */
public final class CatalogReader {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final CatalogStore store;

    /** The catalog the sync keeps in {@code CATALOG_TABLE}: what the catalog and the booking-link routes read. */
    public static CatalogReader fromConfig(Config config, DynamoDbClient dynamoDb) {
        return new CatalogReader(new CatalogStore(dynamoDb, config.require(EnvVar.CATALOG_TABLE), Clock.systemUTC()));
    }

    public CatalogReader(CatalogStore store) {
        this.store = store;
    }

    public CatalogView.Loaded load(long companyId) {
        Map<Long, Hidden> hiddenServices = new HashMap<>();
        Map<Long, Hidden> hiddenStaff = new HashMap<>();
        List<CatalogView.Category> categories = new ArrayList<>();
        for (CatalogItem item : sorted(companyId, CatalogKind.CATEGORY)) {
            if (!item.deleted()) {
                JsonNode body = body(item);
                categories.add(new CatalogView.Category(item.id(), text(body, "title"), integer(body, "weight")));
            }
        }
        List<CatalogView.Service> services = new ArrayList<>();
        for (CatalogItem item : sorted(companyId, CatalogKind.SERVICE)) {
            JsonNode body = body(item);
            if (item.deleted()) {
                hiddenServices.put(item.id(), Hidden.DELETED);
            } else if (flag(body, "active", true)) {
                services.add(new CatalogView.Service(item.id(), text(body, "title"), body.hasNonNull("category_id") ? body.get("category_id").asLong() : null,
                        money(body, "price_min"), money(body, "price_max"), integer(body, "duration"), integer(body, "weight")));
            } else {
                hiddenServices.put(item.id(), Hidden.INACTIVE);
            }
        }
        List<CatalogView.Staff> staff = new ArrayList<>();
        for (CatalogItem item : sorted(companyId, CatalogKind.STAFF)) {
            JsonNode body = body(item);
            if (item.deleted()) {
                hiddenStaff.put(item.id(), Hidden.DELETED);
            } else if (flag(body, "fired", false)) {
                hiddenStaff.put(item.id(), Hidden.FIRED);
            } else if (flag(body, "hidden", false) || !flag(body, "bookable", true)) {
                hiddenStaff.put(item.id(), Hidden.NOT_BOOKABLE);
            } else {
                staff.add(new CatalogView.Staff(item.id(), text(body, "name"), text(body, "specialization"), text(body, "avatar"),
                        money(body, "rating")));
            }
        }
        return new CatalogView.Loaded(new CatalogView(companyId, categories, services, staff), hiddenServices, hiddenStaff);
    }

    /** By id: the store's order is the sort key's, a string ("service#1000" before "service#301"). */
    private List<CatalogItem> sorted(long companyId, CatalogKind kind) {
        return store.items(companyId, kind).stream().sorted(Comparator.comparingLong(CatalogItem::id)).toList();
    }

    private static JsonNode body(CatalogItem item) {
        try {
            return JSON.readTree(item.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog item " + item.companyId() + "/" + item.kind().key() + "#" + item.id()
                    + " holds no JSON", e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static String money(JsonNode body, String field) {
        String text = text(body, field);
        return text == null ? null : new BigDecimal(text).toPlainString();
    }

    /** Stored flags are booleans (the sync decodes the API's 0/1 once), but read 0/1 too in case an older body has them. */
    private static boolean flag(JsonNode body, String field, boolean absent) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        return value.isBoolean() ? value.booleanValue() : value.asInt() != 0;
    }
}

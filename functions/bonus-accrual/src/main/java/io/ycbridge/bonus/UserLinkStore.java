package io.ycbridge.bonus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * UserLinksTable: which app user a YClients client is. One item per lookup key — {@code USER#<sub>} (the user's phone
 * and clients), {@code PHONE#<e164>} and {@code CLIENT#<company>#<client>} (each naming the user) — so matching a visit
 * is one GetItem per key. A phone or client belongs to one user: linking one that another user holds is refused.
 */
public final class UserLinkStore {
    private static final String KEY = "link_key";
    private static final String USER_ID = "user_id";
    private static final String PHONE = "phone";
    private static final String CLIENTS = "clients";

    private final DynamoDbClient client;
    private final String table;

    public UserLinkStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** Thrown when a phone or client id is already linked to another user. */
    public static final class LinkConflictException extends RuntimeException {
        public LinkConflictException(String message) {
            super(message);
        }
    }

    /** The user's links. */
    public record Links(String userId, String phoneE164, Set<ClientRef> clients) {
    }

    public Optional<String> userForClient(long companyId, long clientId) {
        return userOf("CLIENT#" + companyId + "#" + clientId);
    }

    public Optional<String> userForPhone(String e164) {
        return userOf("PHONE#" + e164);
    }

    public Optional<Links> linksOf(String userId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(key("USER#" + userId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Set<ClientRef> clients = new LinkedHashSet<>();
        if (item.containsKey(CLIENTS)) {
            for (String ref : item.get(CLIENTS).ss()) {
                String[] parts = ref.split("#");
                clients.add(new ClientRef(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
        }
        return Optional.of(new Links(userId, item.containsKey(PHONE) ? item.get(PHONE).s() : null, clients));
    }

    /**
     * Replaces the user's links with these (issue 8's PUT /v1/me/profile calls this through the service): one
     * transaction writes the user item and every lookup item, and removes the lookups the user no longer has.
     *
     * @throws LinkConflictException when another user holds the phone or a client id
     */
    public void link(String userId, String phoneE164, Set<ClientRef> clients) {
        Optional<Links> previous = linksOf(userId);
        Set<String> lookups = new LinkedHashSet<>();
        if (phoneE164 != null) {
            lookups.add("PHONE#" + phoneE164);
        }
        clients.forEach(ref -> lookups.add("CLIENT#" + ref.companyId() + "#" + ref.clientId()));
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> user = new HashMap<>(key("USER#" + userId));
        user.put(USER_ID, AttributeValue.fromS(userId));
        if (phoneE164 != null) {
            user.put(PHONE, AttributeValue.fromS(phoneE164));
        }
        if (!clients.isEmpty()) {
            user.put(CLIENTS, AttributeValue.fromSs(clients.stream().map(ref -> ref.companyId() + "#" + ref.clientId()).toList()));
        }
        items.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(user)).build());
        for (String lookup : lookups) {
            Map<String, AttributeValue> item = new HashMap<>(key(lookup));
            item.put(USER_ID, AttributeValue.fromS(userId));
            items.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#k) OR #user = :user")
                    .expressionAttributeNames(Map.of("#k", KEY, "#user", USER_ID))
                    .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userId)))).build());
        }
        previous.ifPresent(links -> {
            Set<String> stale = new LinkedHashSet<>();
            if (links.phoneE164() != null) {
                stale.add("PHONE#" + links.phoneE164());
            }
            links.clients().forEach(ref -> stale.add("CLIENT#" + ref.companyId() + "#" + ref.clientId()));
            stale.removeAll(lookups);
            for (String lookup : stale) {
                items.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(lookup))
                        .conditionExpression("#user = :user")
                        .expressionAttributeNames(Map.of("#user", USER_ID))
                        .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userId)))).build());
            }
        });
        try {
            client.transactWriteItems(request -> request.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw new LinkConflictException("the phone or a client id is already linked to another user, or the links changed meanwhile");
        }
    }

    String table() {
        return table;
    }

    /** The keys that can name a visit's user, in the order they decide: its client first, then its phone. */
    static List<Map<String, AttributeValue>> lookupKeys(long companyId, Long clientId, String phoneE164) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(2);
        if (clientId != null) {
            keys.add(key("CLIENT#" + companyId + "#" + clientId));
        }
        if (phoneE164 != null) {
            keys.add(key("PHONE#" + phoneE164));
        }
        return keys;
    }

    /** The user named by the first of {@code keys} that was found among {@code items} (read in any order). */
    static Optional<String> firstUser(List<Map<String, AttributeValue>> keys, List<Map<String, AttributeValue>> items) {
        for (Map<String, AttributeValue> key : keys) {
            for (Map<String, AttributeValue> item : items) {
                if (item.get(KEY).equals(key.get(KEY)) && item.containsKey(USER_ID)) {
                    return Optional.of(item.get(USER_ID).s());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> userOf(String lookup) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(key(lookup))).item();
        return item == null || !item.containsKey(USER_ID) ? Optional.empty() : Optional.of(item.get(USER_ID).s());
    }

    private static Map<String, AttributeValue> key(String value) {
        return Map.of(KEY, AttributeValue.fromS(value));
    }
}

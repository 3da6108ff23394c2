package io.ycbridge.bonus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * UserLinksTable: who a visit's client is. Three kinds of item, each found by one GetItem:
 * <ul>
 *   <li>{@code USER#<sub>}: the user's proven phone and a write counter ({@code link_revision});</li>
 *   <li>{@code PHONE#<e164>}: the user who proved that phone — one at a time; a newer proof takes it over;</li>
 *   <li>{@code CLIENT#<company>#<client>}: the phone a company's client was last seen with on a record, so a visit
 *       booked without a phone still finds its owner through the client id.</li>
 * </ul>
 * Only proven phones are linked: {@link #linkPhone} is never called for a phone typed into a form.
 */
public final class UserLinkStore {
    static final String KEY = "link_key";
    static final String USER_ID = "user_id";
    static final String PHONE = "phone";
    private static final String PHONE_AT = "phone_at";
    /** On a client item: what was pending under the client id has been moved to its phone's owner. */
    private static final String SETTLED = "settled";
    private static final String REVISION = "link_revision";

    private final DynamoDbClient client;
    private final String table;

    public UserLinkStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** The user's links: the proven phone (null once it was taken over); clients are found through their phone. */
    public record Links(String userId, String phoneE164) {
    }

    public Optional<Links> linksOf(String userId) {
        Map<String, AttributeValue> item = get(userKey(userId));
        return item == null ? Optional.empty() : Optional.of(new Links(userId, text(item, PHONE)));
    }

    /** The user who proved this phone, read consistently. */
    public Optional<String> userForPhone(String e164) {
        return Optional.ofNullable(text(get(phoneKey(e164)), USER_ID));
    }

    /**
     * Links a proven phone to the user in one transaction: the user's item, the phone's (taken over from any other user,
     * whose item loses the phone), and the end of the user's previous phone. False when something it read changed
     * meanwhile or DynamoDB refused the transaction (a conflict or throttling): the caller reads again.
     */
    boolean linkPhone(String userId, String phoneE164) {
        Map<String, AttributeValue> user = get(userKey(userId));
        String previous = text(user, PHONE);
        String holder = text(get(phoneKey(phoneE164)), USER_ID);
        if (phoneE164.equals(previous) && userId.equals(holder)) {
            return true;
        }
        List<TransactWriteItem> items = new ArrayList<>(4);
        items.add(userPut(userId, phoneE164, user));
        Map<String, AttributeValue> phone = new HashMap<>(key(phoneKey(phoneE164)));
        phone.put(USER_ID, s(userId));
        items.add(TransactWriteItem.builder().put(put -> {
            put.tableName(table).item(phone);
            if (holder == null) {
                put.conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", KEY));
            } else {
                put.conditionExpression("#user = :holder").expressionAttributeNames(Map.of("#user", USER_ID))
                        .expressionAttributeValues(Map.of(":holder", s(holder)));
            }
        }).build());
        if (holder != null && !holder.equals(userId)) {
            // Numbers are recycled: the proven owner takes the phone, the previous holder keeps only what was credited.
            items.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(key(userKey(holder)))
                    .updateExpression("REMOVE #phone ADD #revision :one")
                    .conditionExpression("#phone = :phone")
                    .expressionAttributeNames(Map.of("#phone", PHONE, "#revision", REVISION))
                    .expressionAttributeValues(Map.of(":phone", s(phoneE164), ":one", AttributeValue.fromN("1")))).build());
        }
        if (previous != null && !previous.equals(phoneE164)) {
            items.add(phoneRelease(userId, previous));
        }
        return transact(items);
    }

    /** Ends the user's links: the phone is free again and the user's item is gone. False when they changed meanwhile. */
    boolean unlink(String userId) {
        Map<String, AttributeValue> user = get(userKey(userId));
        if (user == null) {
            return true;
        }
        List<TransactWriteItem> items = new ArrayList<>(2);
        items.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(userKey(userId)))
                .conditionExpression(revisionCondition(user))
                .expressionAttributeNames(Map.of("#revision", REVISION))
                .expressionAttributeValues(revisionValues(user))).build());
        String phone = text(user, PHONE);
        if (phone != null) {
            items.add(phoneRelease(userId, phone));
        }
        return transact(items);
    }

    /**
     * Remembers that the company's client had this phone on a record changed at {@code seenAt}; a record changed later
     * wins, so two records processed out of order leave the newer phone. False when a newer one is already known.
     */
    boolean associate(long companyId, long clientId, String phoneE164, Instant seenAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(clientKey(companyId, clientId)));
        item.put(PHONE, s(phoneE164));
        item.put(PHONE_AT, AttributeValue.fromN(Long.toString(seenAt.toEpochMilli())));
        try {
            client.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#k) OR #at < :at")
                    .expressionAttributeNames(Map.of("#k", KEY, "#at", PHONE_AT))
                    .expressionAttributeValues(Map.of(":at", item.get(PHONE_AT))));
            return true;
        } catch (ConditionalCheckFailedException newerKnown) {
            return false;
        }
    }

    /** Records that the client's pending visits were moved to the owner of {@code phoneE164} (unless the phone changed meanwhile). */
    void settle(long companyId, long clientId, String phoneE164) {
        try {
            client.updateItem(update -> update.tableName(table).key(key(clientKey(companyId, clientId)))
                    .updateExpression("SET #settled = :true")
                    .conditionExpression("#phone = :phone")
                    .expressionAttributeNames(Map.of("#settled", SETTLED, "#phone", PHONE))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true), ":phone", s(phoneE164))));
        } catch (ConditionalCheckFailedException newerPhone) {
            // A newer record gave the client another phone: its accrual moves what is pending to that phone's owner.
        }
    }

    /** Whether {@code items} show the client known by this phone with its pending visits already moved. */
    static boolean settled(long companyId, long clientId, String phoneE164, List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> item = find(items, clientKey(companyId, clientId));
        return item != null && phoneE164.equals(text(item, PHONE)) && item.containsKey(SETTLED) && Boolean.TRUE.equals(item.get(SETTLED).bool());
    }

    String table() {
        return table;
    }

    /** The items that decide a record's owner: its phone's link, and its client's last known phone. */
    static List<Map<String, AttributeValue>> lookupKeys(long companyId, Long clientId, String phoneE164) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(2);
        if (phoneE164 != null) {
            keys.add(key(phoneKey(phoneE164)));
        }
        if (clientId != null) {
            keys.add(key(clientKey(companyId, clientId)));
        }
        return keys;
    }

    /**
     * The owner by the record's own phone when it has one, else by the phone its client was last seen with, else pending
     * under the client id; {@code items} are what {@link #lookupKeys} found. A client whose phone is known only through
     * the association needs one more read, of that phone's link.
     */
    ResolvedOwner resolve(long companyId, Long clientId, String phoneE164, List<Map<String, AttributeValue>> items) {
        if (phoneE164 != null) {
            return byPhone(phoneE164, text(find(items, phoneKey(phoneE164)), USER_ID), List.of());
        }
        if (clientId == null) {
            return ResolvedOwner.NOBODY;
        }
        String clientKey = clientKey(companyId, clientId);
        String associated = text(find(items, clientKey), PHONE);
        LinkFact association = new LinkFact(clientKey, PHONE, associated);
        if (associated == null) {
            return new ResolvedOwner(BonusOwner.pendingClient(companyId, clientId), List.of(association));
        }
        return byPhone(associated, text(get(phoneKey(associated)), USER_ID), List.of(association));
    }

    /** The phone the client is known by among {@code items}, or null. */
    static String associatedPhone(long companyId, long clientId, List<Map<String, AttributeValue>> items) {
        return text(find(items, clientKey(companyId, clientId)), PHONE);
    }

    /** The transaction item that fails when {@code fact} no longer holds. */
    TransactWriteItem check(LinkFact fact) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table).key(key(fact.key()));
        if (fact.expected() == null) {
            check.conditionExpression("attribute_not_exists(#a)").expressionAttributeNames(Map.of("#a", fact.attribute()));
        } else {
            check.conditionExpression("#a = :v").expressionAttributeNames(Map.of("#a", fact.attribute()))
                    .expressionAttributeValues(Map.of(":v", s(fact.expected())));
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    private static ResolvedOwner byPhone(String phoneE164, String user, List<LinkFact> before) {
        List<LinkFact> facts = new ArrayList<>(before);
        facts.add(new LinkFact(phoneKey(phoneE164), USER_ID, user));
        return new ResolvedOwner(user == null ? BonusOwner.pendingPhone(phoneE164) : BonusOwner.user(user), List.copyOf(facts));
    }

    private TransactWriteItem userPut(String userId, String phoneE164, Map<String, AttributeValue> read) {
        Map<String, AttributeValue> user = new HashMap<>(key(userKey(userId)));
        user.put(USER_ID, s(userId));
        user.put(PHONE, s(phoneE164));
        long revision = read == null || !read.containsKey(REVISION) ? 0 : Long.parseLong(read.get(REVISION).n());
        user.put(REVISION, AttributeValue.fromN(Long.toString(revision + 1)));
        // Conditioned on the counter read: of two concurrent saves with different phones exactly one commits.
        return TransactWriteItem.builder().put(put -> put.tableName(table).item(user)
                .conditionExpression(revisionCondition(read))
                .expressionAttributeNames(Map.of("#revision", REVISION))
                .expressionAttributeValues(revisionValues(read))).build();
    }

    /** The user item still has the counter read: absent (no item, or none yet), or the value read. */
    private static String revisionCondition(Map<String, AttributeValue> read) {
        return read != null && read.containsKey(REVISION) ? "#revision = :revision" : "attribute_not_exists(#revision)";
    }

    private static Map<String, AttributeValue> revisionValues(Map<String, AttributeValue> read) {
        return read != null && read.containsKey(REVISION) ? Map.of(":revision", read.get(REVISION)) : null;
    }

    private TransactWriteItem phoneRelease(String userId, String phoneE164) {
        return TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(phoneKey(phoneE164)))
                .conditionExpression("attribute_not_exists(#k) OR #user = :user")
                .expressionAttributeNames(Map.of("#k", KEY, "#user", USER_ID))
                .expressionAttributeValues(Map.of(":user", s(userId)))).build();
    }

    private boolean transact(List<TransactWriteItem> items) {
        try {
            client.transactWriteItems(request -> request.transactItems(items));
            return true;
        } catch (TransactionCanceledException refused) {
            return false;
        }
    }

    private Map<String, AttributeValue> get(String lookup) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(key(lookup)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Map<String, AttributeValue> find(List<Map<String, AttributeValue>> items, String lookup) {
        for (Map<String, AttributeValue> item : items) {
            if (item.get(KEY).s().equals(lookup)) {
                return item;
            }
        }
        return null;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item == null || !item.containsKey(name) ? null : item.get(name).s();
    }

    static String userKey(String userId) {
        return "USER#" + userId;
    }

    static String phoneKey(String e164) {
        return "PHONE#" + e164;
    }

    static String clientKey(long companyId, long clientId) {
        return "CLIENT#" + companyId + "#" + clientId;
    }

    private static Map<String, AttributeValue> key(String value) {
        return Map.of(KEY, s(value));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

package io.ycbridge.loyalty;

import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.LedgerEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * LoyaltyCardsTable (see {@code TableDefinitions.LOYALTY_CARDS}). The outbox is keyed by the entry's own ledger item key,
 * so an entry queued twice (a replayed stream batch, the back-fill of a new card) is one item, and entries wait in the
 * ledger's order. A posted entry leaves the outbox and leaves a {@code DONE} item in the same transaction.
 */
public final class LoyaltyCardsStore {
    private static final String KEY = "card_key";
    private static final String ITEM = "item_key";
    private static final String WAITING = "QUEUE#WAITING";
    private static final String RECONCILE = "QUEUE#RECONCILE";
    private static final String CARD_ID = "card_id";
    private static final String COMPANY_ID = "company_id";
    private static final String STATUS = "status";
    private static final String REASON = "reason";
    private static final String STATUS_AT = "status_at";
    private static final String POSTED = "posted";
    private static final String LEASE = "lease_until";
    private static final String RECONCILE_DUE = "reconcile_due";
    private static final String ATTEMPT_AT = "attempt_at";
    private static final String ATTEMPTS = "attempts";

    private final DynamoDbClient client;
    private final String table;

    public LoyaltyCardsStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** A user and a chain: what the queues hold. */
    public record UserChain(String userId, long chainId) {
    }

    /** Whose card it is, and the company it was found or issued at. */
    public record CardOwner(String userId, long companyId) {
    }

    public Optional<CardLink> link(String userId, long chainId) {
        Map<String, AttributeValue> item = get(user(userId), linkItem(chainId));
        return item == null ? Optional.empty() : Optional.of(link(userId, chainId, item));
    }

    /** Every chain the user has a card or a mirror state in. */
    public List<CardLink> links(String userId) {
        List<CardLink> links = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(user(userId), "LINK#", Integer.MAX_VALUE)) {
            links.add(link(userId, Long.parseLong(item.get(ITEM).s().substring("LINK#".length())), item));
        }
        return links;
    }

    /**
     * Takes the user's mirror for the chain for {@code length}: one drain at a time, so entries go out in order and an
     * uncertain attempt is resolved before anything else is sent. False when another holds it.
     */
    public boolean lease(String userId, long chainId, Instant now, Duration length) {
        try {
            client.updateItem(update -> update.tableName(table).key(key(user(userId), linkItem(chainId)))
                    .updateExpression("SET #lease = :until")
                    .conditionExpression("attribute_not_exists(#lease) OR #lease < :now")
                    .expressionAttributeNames(Map.of("#lease", LEASE))
                    .expressionAttributeValues(Map.of(":until", n(now.plus(length).toEpochMilli()), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    public void release(String userId, long chainId) {
        client.updateItem(update -> update.tableName(table).key(key(user(userId), linkItem(chainId)))
                .updateExpression("REMOVE #lease").expressionAttributeNames(Map.of("#lease", LEASE)));
    }

    /** The card found or issued for the user, and whose it is, in one transaction. */
    public void linkCard(String userId, long chainId, long cardId, long companyId) {
        Map<String, AttributeValue> owner = new HashMap<>(key(cardKey(chainId, cardId), "OWNER"));
        owner.put("user_id", s(userId));
        owner.put(COMPANY_ID, n(companyId));
        client.transactWriteItems(write -> write.transactItems(
                TransactWriteItem.builder().update(update -> update.tableName(table).key(key(user(userId), linkItem(chainId)))
                        .updateExpression("SET #card = :card, #company = :company")
                        .expressionAttributeNames(Map.of("#card", CARD_ID, "#company", COMPANY_ID))
                        .expressionAttributeValues(Map.of(":card", n(cardId), ":company", n(companyId)))).build(),
                TransactWriteItem.builder().put(put -> put.tableName(table).item(owner)).build()));
    }

    public Optional<CardOwner> owner(long chainId, long cardId) {
        Map<String, AttributeValue> item = get(cardKey(chainId, cardId), "OWNER");
        return item == null ? Optional.empty() : Optional.of(new CardOwner(item.get("user_id").s(), Long.parseLong(item.get(COMPANY_ID).n())));
    }

    public void status(String userId, long chainId, MirrorStatus status, String reason, Instant now) {
        Map<String, String> names = Map.of("#status", STATUS, "#reason", REASON, "#at", STATUS_AT);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.name()), ":at", n(now.toEpochMilli())));
        String expression;
        if (reason == null) {
            expression = "SET #status = :status, #at = :at REMOVE #reason";
        } else {
            expression = "SET #status = :status, #at = :at, #reason = :reason";
            values.put(":reason", s(reason));
        }
        client.updateItem(update -> update.tableName(table).key(key(user(userId), linkItem(chainId)))
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** Queues the entry for the user's card in the chain; false when it is queued already. */
    public boolean enqueue(String userId, long chainId, LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(user(userId), outItem(chainId, entry)));
        item.put("entry_id", s(entry.id()));
        item.put("amount", AttributeValue.fromN(entry.amount().toPlainString()));
        item.put("kind", s(entry.kind().name()));
        item.put(COMPANY_ID, n(entry.companyId()));
        try {
            client.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", KEY)));
            return true;
        } catch (ConditionalCheckFailedException queued) {
            return false;
        }
    }

    /** The first {@code limit} entries waiting for the chain's card, in ledger order. */
    public List<PendingEntry> outbox(String userId, long chainId, int limit) {
        return query(user(userId), "OUT#" + chainId + "#", limit).stream().map(LoyaltyCardsStore::pending).toList();
    }

    /** Marks the entry as possibly sent: from here until {@link #posted} or {@link #notSent}, a post may have landed. */
    public void attempting(String userId, PendingEntry entry, Instant now) {
        client.updateItem(update -> update.tableName(table).key(key(user(userId), entry.itemKey()))
                .updateExpression("SET #at = :now ADD #attempts :one")
                .conditionExpression("attribute_exists(#k)")
                .expressionAttributeNames(Map.of("#at", ATTEMPT_AT, "#attempts", ATTEMPTS, "#k", KEY))
                .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":one", n(1))));
    }

    /** YClients certainly did not apply the attempt (it refused it): the next one needs no look at the card first. */
    public void notSent(String userId, PendingEntry entry) {
        client.updateItem(update -> update.tableName(table).key(key(user(userId), entry.itemKey()))
                .updateExpression("REMOVE #at").conditionExpression("attribute_exists(#k)")
                .expressionAttributeNames(Map.of("#at", ATTEMPT_AT, "#k", KEY)));
    }

    /** Whether the entry is on the card already. */
    public boolean isPosted(String userId, String entryId) {
        return get(user(userId), "DONE#" + entryId) != null;
    }

    /**
     * The entry is on the card as transaction {@code transactionId} (0: YClients did not say): it leaves the outbox and
     * is counted, in one transaction. Should a DONE item exist already, the outbox item only goes.
     */
    public void posted(String userId, long chainId, PendingEntry entry, long cardId, long transactionId, Instant now) {
        Map<String, AttributeValue> done = new HashMap<>(key(user(userId), "DONE#" + entry.entryId()));
        done.put("chain_id", n(chainId));
        done.put(CARD_ID, n(cardId));
        done.put("transaction_id", n(transactionId));
        done.put("amount", AttributeValue.fromN(entry.amount().toPlainString()));
        done.put("posted_at", n(now.toEpochMilli()));
        try {
            client.transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(done)
                            .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", KEY))).build(),
                    TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(user(userId), entry.itemKey()))).build(),
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(user(userId), linkItem(chainId)))
                            .updateExpression("ADD #posted :one").expressionAttributeNames(Map.of("#posted", POSTED))
                            .expressionAttributeValues(Map.of(":one", n(1)))).build()));
        } catch (TransactionCanceledException e) {
            if (!isPosted(userId, entry.entryId())) {
                throw e;
            }
            drop(userId, entry);
        }
    }

    /** Takes an entry out of the outbox that is on the card already. */
    public void drop(String userId, PendingEntry entry) {
        client.deleteItem(delete -> delete.tableName(table).key(key(user(userId), entry.itemKey())));
    }

    /** Whether the user's entries for the chain wait for a retry by the cycle. */
    public void waiting(String userId, long chainId, boolean waiting) {
        Map<String, AttributeValue> key = key(WAITING, chainId + "#" + userId);
        if (waiting) {
            client.putItem(put -> put.tableName(table).item(key));
        } else {
            client.deleteItem(delete -> delete.tableName(table).key(key));
        }
    }

    public List<UserChain> waitingUsers(int limit) {
        return query(WAITING, "", limit).stream().map(item -> userChain(item.get(ITEM).s())).toList();
    }

    /** Moves the user's next reconciliation for the chain to {@code due}. */
    public void scheduleReconciliation(String userId, long chainId, Instant due) {
        Optional<CardLink> link = link(userId, chainId);
        Long previous = link.map(CardLink::reconcileDueMs).orElse(null);
        List<TransactWriteItem> items = new ArrayList<>(3);
        if (previous != null && previous == due.toEpochMilli()) {
            return;
        }
        if (previous != null) {
            items.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table)
                    .key(key(RECONCILE, dueItem(previous, chainId, userId)))).build());
        }
        items.add(TransactWriteItem.builder().put(put -> put.tableName(table)
                .item(key(RECONCILE, dueItem(due.toEpochMilli(), chainId, userId)))).build());
        items.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(key(user(userId), linkItem(chainId)))
                .updateExpression("SET #due = :due").expressionAttributeNames(Map.of("#due", RECONCILE_DUE))
                .expressionAttributeValues(Map.of(":due", n(due.toEpochMilli())))).build());
        client.transactWriteItems(write -> write.transactItems(items));
    }

    /** Users whose reconciliation is due by {@code now}, the longest overdue first. */
    public List<UserChain> dueReconciliations(Instant now, int limit) {
        QueryResponse response = client.query(query -> query.tableName(table)
                .keyConditionExpression("#k = :queue AND #i <= :now")
                .expressionAttributeNames(Map.of("#k", KEY, "#i", ITEM))
                .expressionAttributeValues(Map.of(":queue", s(RECONCILE), ":now", s(due(now.toEpochMilli()) + "#~")))
                .consistentRead(true).limit(limit));
        return response.items().stream().map(item -> {
            String sortKey = item.get(ITEM).s();
            return userChain(sortKey.substring(sortKey.indexOf('#') + 1));
        }).toList();
    }

    /** Whether the day's expiry notices were all given (the last run that day got through every user). */
    public boolean noticesGiven(LocalDate day) {
        return get("NOTICES", day.toString()) != null;
    }

    public void noticesGiven(LocalDate day, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key("NOTICES", day.toString()));
        item.put("given_at", n(at.toEpochMilli()));
        client.putItem(put -> put.tableName(table).item(item));
    }

    public Optional<Instant> feedCursor(long chainId) {
        Map<String, AttributeValue> item = get("FEED#" + chainId, "CURSOR");
        return item == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get("read_until").n())));
    }

    public void saveFeedCursor(long chainId, Instant readUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key("FEED#" + chainId, "CURSOR"));
        item.put("read_until", n(readUntil.toEpochMilli()));
        client.putItem(put -> put.tableName(table).item(item));
    }

    private List<Map<String, AttributeValue>> query(String partition, String prefix, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = client.query(query -> (prefix.isEmpty()
                    ? query.tableName(table).keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", KEY))
                            .expressionAttributeValues(Map.of(":k", s(partition)))
                    : query.tableName(table).keyConditionExpression("#k = :k AND begins_with(#i, :prefix)")
                            .expressionAttributeNames(Map.of("#k", KEY, "#i", ITEM))
                            .expressionAttributeValues(Map.of(":k", s(partition), ":prefix", s(prefix))))
                    .consistentRead(true)
                    .limit(Math.min(limit - items.size(), 100))
                    .exclusiveStartKey(from));
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return items;
    }

    private Map<String, AttributeValue> get(String partition, String item) {
        Map<String, AttributeValue> found = client.getItem(get -> get.tableName(table).key(key(partition, item)).consistentRead(true)).item();
        return found == null || found.isEmpty() ? null : found;
    }

    private static CardLink link(String userId, long chainId, Map<String, AttributeValue> item) {
        return new CardLink(userId, chainId,
                item.containsKey(CARD_ID) ? Long.valueOf(item.get(CARD_ID).n()) : null,
                item.containsKey(COMPANY_ID) ? Long.parseLong(item.get(COMPANY_ID).n()) : 0,
                item.containsKey(STATUS) ? MirrorStatus.valueOf(item.get(STATUS).s()) : MirrorStatus.WAITING,
                item.containsKey(REASON) ? item.get(REASON).s() : null,
                item.containsKey(STATUS_AT) ? Instant.ofEpochMilli(Long.parseLong(item.get(STATUS_AT).n())) : null,
                item.containsKey(POSTED) ? Long.parseLong(item.get(POSTED).n()) : 0,
                item.containsKey(RECONCILE_DUE) ? Long.valueOf(item.get(RECONCILE_DUE).n()) : null);
    }

    private static PendingEntry pending(Map<String, AttributeValue> item) {
        return new PendingEntry(item.get(ITEM).s(), item.get("entry_id").s(), new BigDecimal(item.get("amount").n()),
                EntryKind.valueOf(item.get("kind").s()), Long.parseLong(item.get(COMPANY_ID).n()),
                item.containsKey(ATTEMPT_AT) ? Instant.ofEpochMilli(Long.parseLong(item.get(ATTEMPT_AT).n())) : null,
                item.containsKey(ATTEMPTS) ? Integer.parseInt(item.get(ATTEMPTS).n()) : 0);
    }

    /** {@code <chain>#<user>}: the user id last, as it may itself hold a '#'. */
    private static UserChain userChain(String chainAndUser) {
        int hash = chainAndUser.indexOf('#');
        return new UserChain(chainAndUser.substring(hash + 1), Long.parseLong(chainAndUser.substring(0, hash)));
    }

    private static String outItem(long chainId, LedgerEntry entry) {
        return "OUT#" + chainId + "#" + BonusLedgerStore.itemKey(entry).substring("ENTRY#".length());
    }

    private static String dueItem(long dueMs, long chainId, String userId) {
        return due(dueMs) + "#" + chainId + "#" + userId;
    }

    private static String due(long dueMs) {
        return String.format(Locale.ROOT, "%013d", dueMs);
    }

    private static String user(String userId) {
        return "USER#" + userId;
    }

    private static String linkItem(long chainId) {
        return "LINK#" + chainId;
    }

    private static String cardKey(long chainId, long cardId) {
        return "CARD#" + chainId + "#" + cardId;
    }

    private static Map<String, AttributeValue> key(String partition, String item) {
        return Map.of(KEY, s(partition), ITEM, s(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

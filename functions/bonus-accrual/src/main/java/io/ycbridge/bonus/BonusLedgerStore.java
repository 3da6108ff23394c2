package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * BonusLedgerTable. Every change of money is one TransactWriteItems of: the entry (refused if its deterministic id
 * exists), the owner's balance (ADD, so concurrent changes for one user never lose an update) and the record's accrual
 * state (only if it is still exactly what the caller read). All or nothing, so the balance is always the sum of the
 * entries and a record never pays twice. A refused write returns false: the caller reads the state again and decides
 * afresh; nothing here retries.
 */
public final class BonusLedgerStore {
    static final String LEDGER_KEY = "ledger_key";
    static final String ITEM_KEY = "item_key";
    static final String STATE_ITEM = "STATE";
    static final String BALANCE_ITEM = "BALANCE";
    static final String ENTRY_PREFIX = "ENTRY#";
    private static final String OWNER = "owner";
    private static final String ACCRUED = "accrued";
    private static final String VERSION = "version";
    private static final String BALANCE = "balance";
    private static final String ENTRY_COUNT = "entry_count";

    private final DynamoDbClient client;
    private final String table;

    public BonusLedgerStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** The record's accrual state, read consistently: the optimistic check below compares against exactly this. */
    public AccrualState state(long companyId, long recordId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(stateKey(companyId, recordId)).consistentRead(true)).item();
        return state(companyId, recordId, item);
    }

    /** A record's state and the user its client or phone is linked to. */
    public record Snapshot(AccrualState state, Optional<String> user) {
    }

    /**
     * The record's state and its user in one BatchGetItem over both tables: an accrual's whole read in one round trip
     * (half of what an accrual costs is round trips; the links table is named by the store that owns it).
     */
    public Snapshot snapshot(long companyId, long recordId, Long clientId, String phoneE164, UserLinkStore links) {
        List<Map<String, AttributeValue>> lookups = UserLinkStore.lookupKeys(companyId, clientId, phoneE164);
        Map<String, KeysAndAttributes> wanted = new HashMap<>();
        wanted.put(table, KeysAndAttributes.builder().keys(stateKey(companyId, recordId)).consistentRead(true).build());
        if (!lookups.isEmpty()) {
            wanted.put(links.table(), KeysAndAttributes.builder().keys(lookups).build());
        }
        Map<String, AttributeValue> stateItem = null;
        List<Map<String, AttributeValue>> linkItems = new ArrayList<>(2);
        for (int round = 0; !wanted.isEmpty(); round++) {
            if (round == 10) {
                throw new IllegalStateException("DynamoDB left keys unprocessed ten times in a row");
            }
            Map<String, KeysAndAttributes> request = wanted;
            BatchGetItemResponse response = client.batchGetItem(batch -> batch.requestItems(request));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                stateItem = item;
            }
            linkItems.addAll(response.responses().getOrDefault(links.table(), List.of()));
            wanted = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return new Snapshot(state(companyId, recordId, stateItem), UserLinkStore.firstUser(lookups, linkItems));
    }

    private static AccrualState state(long companyId, long recordId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return AccrualState.unseen(companyId, recordId);
        }
        return new AccrualState(companyId, recordId,
                item.containsKey(OWNER) ? new BonusOwner(item.get(OWNER).s()) : null,
                new BigDecimal(item.get(ACCRUED).n()),
                Instant.ofEpochMilli(Long.parseLong(item.get(VERSION).n())));
    }

    /**
     * Moves the record from {@code seen} to {@code next}, writing {@code entry} (null: no money moves, only the state)
     * in the same transaction. False when the state changed since it was read or the entry already exists.
     */
    public boolean apply(AccrualState seen, AccrualState next, LedgerEntry entry) {
        List<TransactWriteItem> items = new ArrayList<>(3);
        items.add(TransactWriteItem.builder().put(statePut(seen, next)).build());
        if (entry != null) {
            items.add(TransactWriteItem.builder().put(entryPut(entry)).build());
            items.add(TransactWriteItem.builder().update(balanceAdd(entry.owner(), entry.amount())).build());
        }
        return write(items);
    }

    /**
     * Hands a pending record to {@code user}: the user is credited what it accrued, the pending owner debited, the
     * state names the user from now on. False when the state is no longer {@code seen}.
     */
    public boolean transfer(AccrualState seen, BonusOwner user) {
        AccrualState next = new AccrualState(seen.companyId(), seen.recordId(), user, seen.accrued(), seen.version());
        List<TransactWriteItem> items = new ArrayList<>(5);
        items.add(TransactWriteItem.builder().put(statePut(seen, next)).build());
        if (seen.accrued().signum() != 0) {
            LedgerEntry credit = LedgerEntry.of(user, seen.companyId(), seen.recordId(), EntryKind.PENDING_CREDIT, seen.accrued(), seen.version());
            LedgerEntry debit = LedgerEntry.of(seen.owner(), seen.companyId(), seen.recordId(), EntryKind.PENDING_TRANSFER,
                    seen.accrued().negate(), seen.version());
            items.add(TransactWriteItem.builder().put(entryPut(credit)).build());
            items.add(TransactWriteItem.builder().update(balanceAdd(user, credit.amount())).build());
            items.add(TransactWriteItem.builder().put(entryPut(debit)).build());
            items.add(TransactWriteItem.builder().update(balanceAdd(seen.owner(), debit.amount())).build());
        }
        return write(items);
    }

    public BigDecimal balance(BonusOwner owner) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table)
                .key(Map.of(LEDGER_KEY, s(owner.key()), ITEM_KEY, s(BALANCE_ITEM))).consistentRead(true)).item();
        return item == null || !item.containsKey(BALANCE) ? BonusPolicy.money(BigDecimal.ZERO) : BonusPolicy.money(new BigDecimal(item.get(BALANCE).n()));
    }

    /** One page of the owner's entries, newest version first, after {@code afterItemKey} (null: from the newest). */
    public EntryPage entries(BonusOwner owner, int limit, String afterItemKey) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#k = :owner AND begins_with(#i, :entry)")
                .expressionAttributeNames(Map.of("#k", LEDGER_KEY, "#i", ITEM_KEY))
                .expressionAttributeValues(Map.of(":owner", s(owner.key()), ":entry", s(ENTRY_PREFIX)))
                .scanIndexForward(false)
                .limit(limit);
        if (afterItemKey != null) {
            // The partition is always the caller's owner: a cursor can only point within it.
            query.exclusiveStartKey(Map.of(LEDGER_KEY, s(owner.key()), ITEM_KEY, s(afterItemKey)));
        }
        QueryResponse response = client.query(query.build());
        List<LedgerEntry> entries = response.items().stream().map(item -> entry(owner, item)).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(ITEM_KEY).s() : null;
        return new EntryPage(entries, next);
    }

    /** A page of entries and the item key to continue after (null: no more). */
    public record EntryPage(List<LedgerEntry> entries, String lastItemKey) {
    }

    /** The records (company, record) with entries under a pending owner: what linking may credit. */
    public Set<List<Long>> recordsOf(BonusOwner owner) {
        Set<List<Long>> records = new LinkedHashSet<>();
        String after = null;
        do {
            EntryPage page = entries(owner, 100, after);
            page.entries().forEach(entry -> records.add(List.of(entry.companyId(), entry.recordId())));
            after = page.lastItemKey();
        } while (after != null);
        return records;
    }

    private boolean write(List<TransactWriteItem> items) {
        try {
            if (items.size() == 1 && items.getFirst().put() != null) {
                // No money moves: a plain conditional put costs half a transaction.
                Put put = items.getFirst().put();
                client.putItem(request -> request.tableName(put.tableName()).item(put.item()).conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames())
                        .expressionAttributeValues(put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null));
            } else {
                client.transactWriteItems(request -> request.transactItems(items));
            }
            return true;
        } catch (TransactionCanceledException | ConditionalCheckFailedException e) {
            // Condition failed or a concurrent transaction touched the same items (TransactionConflict): read again.
            return false;
        }
    }

    private Put statePut(AccrualState seen, AccrualState next) {
        Map<String, AttributeValue> item = new HashMap<>(stateKey(next.companyId(), next.recordId()));
        item.put("company_id", n(next.companyId()));
        item.put("record_id", n(next.recordId()));
        item.put(ACCRUED, AttributeValue.fromN(next.accrued().toPlainString()));
        item.put(VERSION, n(next.version().toEpochMilli()));
        if (next.owner() != null) {
            item.put(OWNER, s(next.owner().key()));
        }
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (!seen.seen()) {
            put.conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", LEDGER_KEY));
        } else {
            // Exactly what was read: version, amount and owner. A newer version, a concurrent accrual or a transfer in
            // between all fail this, and the caller decides again from the fresh state.
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":version", n(seen.version().toEpochMilli()));
            values.put(":accrued", AttributeValue.fromN(seen.accrued().toPlainString()));
            String ownerCondition;
            if (seen.owner() == null) {
                ownerCondition = "attribute_not_exists(#owner)";
            } else {
                ownerCondition = "#owner = :owner";
                values.put(":owner", s(seen.owner().key()));
            }
            put.conditionExpression("#version = :version AND #accrued = :accrued AND " + ownerCondition)
                    .expressionAttributeNames(Map.of("#version", VERSION, "#accrued", ACCRUED, "#owner", OWNER))
                    .expressionAttributeValues(values);
        }
        return put.build();
    }

    private Put entryPut(LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(LEDGER_KEY, s(entry.owner().key()));
        item.put(ITEM_KEY, s(entryItemKey(entry)));
        item.put("entry_id", s(entry.id()));
        item.put("company_id", n(entry.companyId()));
        item.put("record_id", n(entry.recordId()));
        item.put("kind", s(entry.kind().name()));
        item.put("amount", AttributeValue.fromN(entry.amount().toPlainString()));
        item.put(VERSION, n(entry.version().toEpochMilli()));
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", LEDGER_KEY)).build();
    }

    private Update balanceAdd(BonusOwner owner, BigDecimal amount) {
        return Update.builder().tableName(table)
                .key(Map.of(LEDGER_KEY, s(owner.key()), ITEM_KEY, s(BALANCE_ITEM)))
                .updateExpression("ADD #balance :amount, #count :one")
                .expressionAttributeNames(Map.of("#balance", BALANCE, "#count", ENTRY_COUNT))
                .expressionAttributeValues(Map.of(":amount", AttributeValue.fromN(amount.toPlainString()), ":one", n(1)))
                .build();
    }

    /** Sorted by version so a page is "most recent first"; the id after it keeps the key deterministic and unique. */
    static String entryItemKey(LedgerEntry entry) {
        return ENTRY_PREFIX + String.format(java.util.Locale.ROOT, "%013d", entry.version().toEpochMilli()) + "#" + entry.id();
    }

    private static LedgerEntry entry(BonusOwner owner, Map<String, AttributeValue> item) {
        return new LedgerEntry(item.get("entry_id").s(), owner,
                Long.parseLong(item.get("company_id").n()), Long.parseLong(item.get("record_id").n()),
                EntryKind.valueOf(item.get("kind").s()), BonusPolicy.money(new BigDecimal(item.get("amount").n())),
                Instant.ofEpochMilli(Long.parseLong(item.get(VERSION).n())));
    }

    private static Map<String, AttributeValue> stateKey(long companyId, long recordId) {
        return Map.of(LEDGER_KEY, s("RECORD#" + companyId + "#" + recordId), ITEM_KEY, s(STATE_ITEM));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

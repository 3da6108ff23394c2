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
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * BonusLedgerTable. Every change of money is one TransactWriteItems of: the entries (each refused if its deterministic
 * id exists), their owners' balances (ADD, so concurrent changes for one user never lose an update), the record's
 * accrual state (only if it is still exactly what the caller read), a capped visit's state likewise, and checks of the
 * links the owner was named by. All or nothing, so the balance is always the sum of the
 * entries and a record never pays twice. A refused write returns false: the caller reads the state again and decides
 * afresh; nothing here retries.
 */
public final class BonusLedgerStore {
    static final String LEDGER_KEY = "ledger_key";
    static final String ITEM_KEY = "item_key";
    static final String STATE_ITEM = "STATE";
    static final String BALANCE_ITEM = "BALANCE";
    static final String ENTRY_PREFIX = "ENTRY#";
    static final String NOTICE_PREFIX = "NOTICE#";
    private static final String OWNER = "owner";
    private static final String ACCRUED = "accrued";
    private static final String VERSION = "version";
    private static final String BALANCE = "balance";
    private static final String ENTRY_COUNT = "entry_count";
    private static final String REVISION = "revision";
    private static final String IDENTITY = "identity";
    private static final String VISIT = "visit";
    private static final String VISIT_PREFIX = "VISIT#";
    private static final String MEMBERS = "members";
    private static final String CORRECTION = "correction";
    private static final String SOURCE = "source";
    private static final String REASON = "reason";
    private static final String CARD_TRANSACTION = "card_transaction";

    private final DynamoDbClient client;
    private final String table;

    public BonusLedgerStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** The table's name: for the ledger's stream, whose consumers find it by the table. */
    public String table() {
        return table;
    }

    /** The record's accrual state, read consistently: the optimistic check below compares against exactly this. */
    public AccrualState state(long companyId, long recordId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(stateKey(companyId, recordId)).consistentRead(true)).item();
        return state(companyId, recordId, item);
    }

    /** A record's state, the link items that name its owner, and the capped visit it belongs to (null: none asked). */
    public record Snapshot(AccrualState state, List<Map<String, AttributeValue>> links, VisitState visit) {
    }

    /**
     * The record's state, the link items and the visit in one BatchGetItem over both tables, all read consistently: an
     * accrual's whole read in one round trip (half of what an accrual costs is round trips), and a decision that names
     * an owner never rests on a link read out of date.
     */
    public Snapshot snapshot(long companyId, long recordId, List<Map<String, AttributeValue>> linkKeys, String visitId, UserLinkStore links) {
        Map<String, KeysAndAttributes> wanted = new HashMap<>();
        List<Map<String, AttributeValue>> ledgerKeys = new ArrayList<>(2);
        ledgerKeys.add(stateKey(companyId, recordId));
        if (visitId != null) {
            ledgerKeys.add(visitKey(companyId, visitId));
        }
        wanted.put(table, KeysAndAttributes.builder().keys(ledgerKeys).consistentRead(true).build());
        if (!linkKeys.isEmpty()) {
            wanted.put(links.table(), KeysAndAttributes.builder().keys(linkKeys).consistentRead(true).build());
        }
        Map<String, AttributeValue> stateItem = null;
        Map<String, AttributeValue> visitItem = null;
        List<Map<String, AttributeValue>> linkItems = new ArrayList<>(2);
        for (int round = 0; !wanted.isEmpty(); round++) {
            if (round == 10) {
                throw new IllegalStateException("DynamoDB left keys unprocessed ten times in a row");
            }
            Map<String, KeysAndAttributes> request = wanted;
            BatchGetItemResponse response = client.batchGetItem(batch -> batch.requestItems(request));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                if (item.get(LEDGER_KEY).s().startsWith(VISIT_PREFIX)) {
                    visitItem = item;
                } else {
                    stateItem = item;
                }
            }
            linkItems.addAll(response.responses().getOrDefault(links.table(), List.of()));
            wanted = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return new Snapshot(state(companyId, recordId, stateItem), linkItems,
                visitId == null ? null : visit(companyId, visitId, visitItem));
    }

    /** A capped visit's state, read consistently. */
    public VisitState visit(long companyId, String visitId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(visitKey(companyId, visitId)).consistentRead(true)).item();
        return visit(companyId, visitId, item);
    }

    private static VisitState visit(long companyId, String visitId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return VisitState.empty(companyId, visitId);
        }
        Map<Long, BigDecimal> members = new java.util.TreeMap<>();
        item.get(MEMBERS).m().forEach((record, amount) -> members.put(Long.parseLong(record), new BigDecimal(amount.n())));
        return new VisitState(companyId, visitId, members, new BigDecimal(item.get(CORRECTION).n()),
                item.containsKey(OWNER) ? new BonusOwner(item.get(OWNER).s()) : null, Long.parseLong(item.get(REVISION).n()));
    }

    private static AccrualState state(long companyId, long recordId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return AccrualState.unseen(companyId, recordId);
        }
        return new AccrualState(companyId, recordId,
                item.containsKey(OWNER) ? new BonusOwner(item.get(OWNER).s()) : null,
                new BigDecimal(item.get(ACCRUED).n()),
                Instant.ofEpochMilli(Long.parseLong(item.get(VERSION).n())),
                item.containsKey(REVISION) ? Long.parseLong(item.get(REVISION).n()) : 0,
                item.containsKey(IDENTITY) ? item.get(IDENTITY).s() : null,
                item.containsKey(VISIT) ? item.get(VISIT).s() : null);
    }

    /** A capped visit moving from what was read to its next state, in the same transaction as the record. */
    public record VisitWrite(VisitState seen, VisitState next) {
    }

    /**
     * Moves the record from {@code seen} to {@code next} with {@code entries} (each with its balance), the capped visits'
     * new states and the link facts the decision rests on, all in one transaction. False when anything read changed
     * meanwhile, an entry already exists, or DynamoDB refused the transaction: the caller reads again and decides afresh.
     */
    public boolean commit(AccrualState seen, AccrualState next, List<LedgerEntry> entries, List<VisitWrite> visits,
                          List<TransactWriteItem> checks) {
        List<TransactWriteItem> items = new ArrayList<>(3 + 2 * entries.size() + visits.size() + checks.size());
        items.add(TransactWriteItem.builder().put(statePut(seen, next)).build());
        // One balance update per owner: a transaction may touch an item once, and a record's entry and its visit's
        // correction often land on the same balance.
        Map<BonusOwner, BigDecimal> byOwner = new java.util.LinkedHashMap<>();
        Map<BonusOwner, Integer> counts = new HashMap<>();
        for (LedgerEntry entry : entries) {
            items.add(TransactWriteItem.builder().put(entryPut(entry)).build());
            byOwner.merge(entry.owner(), entry.amount(), BigDecimal::add);
            counts.merge(entry.owner(), 1, Integer::sum);
        }
        byOwner.forEach((owner, amount) -> items.add(TransactWriteItem.builder().update(balanceAdd(owner, amount, counts.get(owner))).build()));
        for (VisitWrite visit : visits) {
            items.add(TransactWriteItem.builder().put(visitPut(visit)).build());
        }
        items.addAll(checks);
        return write(items);
    }

    /** {@link #commit} of one entry (or none: only the state moves) and nothing else. */
    public boolean apply(AccrualState seen, AccrualState next, LedgerEntry entry) {
        return commit(seen, next, entry == null ? List.of() : List.of(entry), List.of(), List.of());
    }

    /**
     * Writes one entry that belongs to no record's state (an operator's correction, what came back from a loyalty card, a
     * reconciliation's drift) with its balance, in one transaction. False when an entry with its id exists: the same
     * card transaction read twice, the same correction sent again. A transaction conflict is tried again, a few times.
     */
    public boolean post(LedgerEntry entry) {
        List<TransactWriteItem> items = List.of(TransactWriteItem.builder().put(entryPut(entry)).build(),
                TransactWriteItem.builder().update(balanceAdd(entry.owner(), entry.amount())).build());
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request -> request.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                boolean exists = e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().getFirst().code());
                if (exists) {
                    return false;
                }
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Hands a pending record to {@code user}: the user is credited what it accrued, the pending owner debited, the
     * state names the user from now on, and a capped visit's correction follows. The amount the user received, or empty
     * when the state is no longer {@code seen}.
     */
    public Optional<BigDecimal> transfer(AccrualState seen, BonusOwner user) {
        List<LedgerEntry> entries = new ArrayList<>(4);
        if (seen.accrued().signum() != 0) {
            entries.add(LedgerEntry.of(user, seen.companyId(), seen.recordId(), EntryKind.PENDING_CREDIT, seen.accrued(), seen.version(),
                    seen.revision(), null));
            entries.add(LedgerEntry.of(seen.owner(), seen.companyId(), seen.recordId(), EntryKind.PENDING_TRANSFER, seen.accrued().negate(),
                    seen.version(), seen.revision(), null));
        }
        List<VisitWrite> visits = new ArrayList<>(1);
        if (seen.visit() != null) {
            // The visit's cap correction goes where its records' money goes, or the new owner would hold more than the cap.
            VisitState visit = visit(seen.companyId(), seen.visit());
            if (seen.owner().equals(visit.owner()) && visit.correction().signum() != 0) {
                String scope = "capto" + seen.visit() + "_" + Integer.toHexString(user.key().hashCode());
                entries.add(LedgerEntry.of(seen.owner(), seen.companyId(), seen.recordId(), EntryKind.VISIT_CAP,
                        BonusPolicy.money(visit.correction().negate()), seen.version(), seen.revision(), scope));
                entries.add(LedgerEntry.of(user, seen.companyId(), seen.recordId(), EntryKind.VISIT_CAP, visit.correction(), seen.version(),
                        seen.revision(), scope));
                visits.add(new VisitWrite(visit, new VisitState(visit.companyId(), visit.visitId(), visit.members(), visit.correction(), user,
                        visit.revision())));
            }
        }
        BigDecimal moved = entries.stream().filter(entry -> entry.owner().equals(user)).map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return commit(seen, seen.withOwner(user), entries, visits, List.of()) ? Optional.of(moved) : Optional.empty();
    }

    /**
     * Moves one record's entries of {@code from} to {@code to}, and its state's ownership where {@code from} holds it, in
     * one transaction: account deletion keeps the amounts (financial records) under a name that identifies nobody. False
     * when the state changed meanwhile.
     */
    boolean moveRecord(BonusOwner from, BonusOwner to, long companyId, long recordId, List<LedgerEntry> entries) {
        List<TransactWriteItem> items = new ArrayList<>(4 + 2 * entries.size());
        AccrualState seen = state(companyId, recordId);
        if (from.equals(seen.owner())) {
            items.add(TransactWriteItem.builder().put(statePut(seen, seen.withOwner(to))).build());
            if (seen.visit() != null) {
                VisitState visit = visit(companyId, seen.visit());
                if (from.equals(visit.owner())) {
                    items.add(TransactWriteItem.builder().put(visitPut(new VisitWrite(visit, new VisitState(companyId, visit.visitId(),
                            visit.members(), visit.correction(), to, visit.revision())))).build());
                }
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (LedgerEntry entry : entries) {
            LedgerEntry moved = new LedgerEntry(entry.id(), to, entry.companyId(), entry.recordId(), entry.kind(), entry.amount(), entry.version(),
                    entry.origin());
            items.add(TransactWriteItem.builder().put(entryPut(moved)).build());
            items.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table)
                    .key(Map.of(LEDGER_KEY, s(from.key()), ITEM_KEY, s(entryItemKey(entry))))
                    .conditionExpression("attribute_exists(#k)").expressionAttributeNames(Map.of("#k", LEDGER_KEY))).build());
            sum = sum.add(entry.amount());
        }
        if (sum.signum() != 0) {
            items.add(TransactWriteItem.builder().update(balanceAdd(from, sum.negate())).build());
            items.add(TransactWriteItem.builder().update(balanceAdd(to, sum)).build());
        }
        return items.isEmpty() || write(items);
    }

    /** Removes an owner's balance item once nothing is left on it. */
    void dropEmptyBalance(BonusOwner owner) {
        try {
            client.deleteItem(delete -> delete.tableName(table).key(Map.of(LEDGER_KEY, s(owner.key()), ITEM_KEY, s(BALANCE_ITEM)))
                    .conditionExpression("attribute_not_exists(#b) OR #b = :zero")
                    .expressionAttributeNames(Map.of("#b", BALANCE)).expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
        } catch (ConditionalCheckFailedException stillHolding) {
            // An accrual landed meanwhile: its reversal or a later erase moves it; the balance stays truthful.
        }
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
                // Consistent: crediting a just-linked phone must see the pending entry an accrual committed a moment ago.
                .consistentRead(true)
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
        allEntries(owner).forEach(entry -> records.add(List.of(entry.companyId(), entry.recordId())));
        return records;
    }

    /**
     * The app users whose balance is above zero, a page of the table at a time: a scan, for the daily expiry notices,
     * which must find every such user and have no index of them. Balances only: the filter leaves entries and states.
     */
    public List<BonusOwner> usersWithBalance() {
        List<BonusOwner> users = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    .filterExpression("#i = :balance AND begins_with(#k, :user) AND #b > :zero")
                    .expressionAttributeNames(Map.of("#i", ITEM_KEY, "#k", LEDGER_KEY, "#b", BALANCE))
                    .expressionAttributeValues(Map.of(":balance", s(BALANCE_ITEM), ":user", s(BonusOwner.USER),
                            ":zero", AttributeValue.fromN("0")))
                    .projectionExpression("#k");
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse page = client.scan(scan.build());
            page.items().forEach(item -> users.add(new BonusOwner(item.get(LEDGER_KEY).s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return users;
    }

    /**
     * Marks a notice as given to the owner, once: false when it was given already. A notice is no entry (its key is
     * {@code NOTICE#<name>}), so it moves no balance and no query of entries sees it.
     */
    public boolean markNotice(BonusOwner owner, String name, Instant at) {
        try {
            client.putItem(put -> put.tableName(table)
                    .item(Map.of(LEDGER_KEY, s(owner.key()), ITEM_KEY, s(NOTICE_PREFIX + name), VERSION, n(at.toEpochMilli())))
                    .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", LEDGER_KEY)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Takes a notice's mark back: it could not be given, and the next run is to try again. */
    public void unmarkNotice(BonusOwner owner, String name) {
        client.deleteItem(delete -> delete.tableName(table).key(Map.of(LEDGER_KEY, s(owner.key()), ITEM_KEY, s(NOTICE_PREFIX + name))));
    }

    /** Every entry of the owner, newest version first, read a page at a time: an owner holds tens of entries, not thousands. */
    public List<LedgerEntry> allEntries(BonusOwner owner) {
        List<LedgerEntry> entries = new ArrayList<>();
        String after = null;
        do {
            EntryPage page = entries(owner, 100, after);
            entries.addAll(page.entries());
            after = page.lastItemKey();
        } while (after != null);
        return entries;
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
        item.put(REVISION, n(next.revision()));
        if (next.owner() != null) {
            item.put(OWNER, s(next.owner().key()));
        }
        if (next.identity() != null) {
            item.put(IDENTITY, s(next.identity()));
        }
        if (next.visit() != null) {
            item.put(VISIT, s(next.visit()));
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
            values.put(":revision", n(seen.revision()));
            String ownerCondition;
            if (seen.owner() == null) {
                ownerCondition = "attribute_not_exists(#owner)";
            } else {
                ownerCondition = "#owner = :owner";
                values.put(":owner", s(seen.owner().key()));
            }
            String revisionCondition = seen.revision() == 0 ? "(attribute_not_exists(#revision) OR #revision = :revision)" : "#revision = :revision";
            put.conditionExpression("#version = :version AND #accrued = :accrued AND " + revisionCondition + " AND " + ownerCondition)
                    .expressionAttributeNames(Map.of("#version", VERSION, "#accrued", ACCRUED, "#owner", OWNER, "#revision", REVISION))
                    .expressionAttributeValues(values);
        }
        return put.build();
    }

    private Put visitPut(VisitWrite write) {
        VisitState next = write.next();
        Map<String, AttributeValue> item = new HashMap<>(visitKey(next.companyId(), next.visitId()));
        Map<String, AttributeValue> members = new HashMap<>();
        next.members().forEach((record, amount) -> members.put(Long.toString(record), AttributeValue.fromN(amount.toPlainString())));
        item.put(MEMBERS, AttributeValue.fromM(members));
        item.put(CORRECTION, AttributeValue.fromN(next.correction().toPlainString()));
        if (next.owner() != null) {
            item.put(OWNER, s(next.owner().key()));
        }
        long revision = write.seen().revision() == null ? 1 : write.seen().revision() + 1;
        item.put(REVISION, n(revision));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (write.seen().revision() == null) {
            put.conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", LEDGER_KEY));
        } else {
            put.conditionExpression("#revision = :revision").expressionAttributeNames(Map.of("#revision", REVISION))
                    .expressionAttributeValues(Map.of(":revision", n(write.seen().revision())));
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
        EntryOrigin origin = entry.origin();
        if (origin.source() != EntrySource.VISIT) {
            // Absent means a visit's: every entry written before sources existed was one.
            item.put(SOURCE, s(origin.source().name()));
        }
        if (origin.reason() != null) {
            item.put(REASON, s(origin.reason()));
        }
        if (origin.cardTransactionId() != null) {
            item.put(CARD_TRANSACTION, n(origin.cardTransactionId()));
        }
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", LEDGER_KEY)).build();
    }

    private Update balanceAdd(BonusOwner owner, BigDecimal amount) {
        return balanceAdd(owner, amount, 1);
    }

    private Update balanceAdd(BonusOwner owner, BigDecimal amount, int entries) {
        return Update.builder().tableName(table)
                .key(Map.of(LEDGER_KEY, s(owner.key()), ITEM_KEY, s(BALANCE_ITEM)))
                .updateExpression("ADD #balance :amount, #count :one")
                .expressionAttributeNames(Map.of("#balance", BALANCE, "#count", ENTRY_COUNT))
                .expressionAttributeValues(Map.of(":amount", AttributeValue.fromN(amount.toPlainString()), ":one", n(entries)))
                .build();
    }

    /** Sorted by version so a page is "most recent first"; the id after it keeps the key deterministic and unique. */
    static String entryItemKey(LedgerEntry entry) {
        return ENTRY_PREFIX + String.format(java.util.Locale.ROOT, "%013d", entry.version().toEpochMilli()) + "#" + entry.id();
    }

    /** An entry item as the ledger stream or a query delivers it. */
    public static LedgerEntry entry(BonusOwner owner, Map<String, AttributeValue> item) {
        EntrySource source = item.containsKey(SOURCE) ? EntrySource.valueOf(item.get(SOURCE).s()) : EntrySource.VISIT;
        EntryOrigin origin = new EntryOrigin(source, item.containsKey(REASON) ? item.get(REASON).s() : null,
                item.containsKey(CARD_TRANSACTION) ? Long.valueOf(item.get(CARD_TRANSACTION).n()) : null);
        return new LedgerEntry(item.get("entry_id").s(), owner,
                Long.parseLong(item.get("company_id").n()), Long.parseLong(item.get("record_id").n()),
                EntryKind.valueOf(item.get("kind").s()), BonusPolicy.money(new BigDecimal(item.get("amount").n())),
                Instant.ofEpochMilli(Long.parseLong(item.get(VERSION).n())), origin);
    }

    /** An entry item read whole, its owner from its own key: what a stream image of the ledger is read with. */
    public static LedgerEntry entry(Map<String, AttributeValue> item) {
        return entry(new BonusOwner(item.get(LEDGER_KEY).s()), item);
    }

    /** Whether a ledger item is an entry (not a balance, a record's or a visit's state). */
    public static boolean isEntry(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(ITEM_KEY) && item.get(ITEM_KEY).s().startsWith(ENTRY_PREFIX);
    }

    /** The ledger item key of an entry: its place in the owner's history, oldest version first. */
    public static String itemKey(LedgerEntry entry) {
        return entryItemKey(entry);
    }

    private static Map<String, AttributeValue> visitKey(long companyId, String visitId) {
        return Map.of(LEDGER_KEY, s(VISIT_PREFIX + companyId + "#" + visitId), ITEM_KEY, s(STATE_ITEM));
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

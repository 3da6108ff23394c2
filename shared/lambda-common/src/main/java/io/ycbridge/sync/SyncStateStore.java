package io.ycbridge.sync;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One item per company in SyncStateTable: the records cursor, the company's zone and phone region, how the last run
 * went (for operators and the app's "last synced" line) and the records to re-read from the API. Every write is an
 * UpdateItem of its own attributes, so recording a failure can never move the cursor, and the cursor only moves
 * forward: two overlapping runs cannot take it back.
 *
 * <p>Re-read marks are a number set of record ids: the webhook adds one when it stored a delivery it could not check
 * with the API (a same-second conflict, a body without fields, a delete without data) and the sync removes the ones
 * it settled. ADD and DELETE on a set commute, so the webhook and the sync never overwrite each other's marks.
 *
 * <p>The sync schedule reads every company's last success at each tick ({@link #freshness}) and stamps
 * {@code first_scheduled_at} on a company the first time it queues it, so a company that never synced has a start to
 * be judged from.
 */
public final class SyncStateStore {
    static final String COMPANY_ID = "company_id";
    static final String CURSOR = "cursor_ms";
    static final String ZONE = "zone";
    static final String PHONE_REGION = "phone_region";
    /** Stored when the company's data names no region, so the sync does not ask the API again every run. */
    public static final String NO_REGION = "ZZ";
    static final String LAST_RUN_AT = "last_run_at";
    static final String LAST_OUTCOME = "last_outcome";
    static final String LAST_ERROR = "last_error";
    static final String LAST_SUCCESS_AT = "last_success_at";
    static final String LAST_CATALOG_AT = "last_catalog_at";
    static final String BACKFILL_FROM = "backfill_from";
    static final String BACKFILL_TO = "backfill_to";
    static final String REREAD = "reread_record_ids";
    static final String FIRST_SCHEDULED_AT = "first_scheduled_at";
    /** BatchGetItem's most keys per request. */
    private static final int BATCH = 100;
    private static final int BATCH_ATTEMPTS = 8;

    private final DynamoDbClient client;
    private final String tableName;

    /** @param tableName the deployed table's name, from {@code SYNC_STATE_TABLE} */
    public SyncStateStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    public SyncState get(long companyId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(tableName).consistentRead(true).key(key(companyId))).item();
        if (item == null || item.isEmpty()) {
            return SyncState.none(companyId);
        }
        return new SyncState(companyId, instant(item, CURSOR), text(item, ZONE), text(item, PHONE_REGION), instant(item, LAST_RUN_AT),
                text(item, LAST_OUTCOME),
                text(item, LAST_ERROR), instant(item, LAST_SUCCESS_AT), instant(item, LAST_CATALOG_AT),
                instant(item, BACKFILL_FROM).flatMap(from -> instant(item, BACKFILL_TO).map(to -> new SyncState.Backfill(from, to))));
    }

    /** The company's phone region as the sync learned it: what webhook intake asks, once per company and environment. */
    public Optional<String> phoneRegion(long companyId) {
        return get(companyId).phoneRegion();
    }

    /**
     * Moves the cursor to {@code cursor} if that is later than the stored one.
     *
     * @return false when the stored cursor was already there or later (another run got further)
     */
    public boolean advanceCursor(long companyId, Instant cursor) {
        try {
            client.updateItem(update -> update.tableName(tableName).key(key(companyId))
                    .updateExpression("SET #cursor = :cursor")
                    .conditionExpression("attribute_not_exists(#cursor) OR #cursor < :cursor")
                    .expressionAttributeNames(Map.of("#cursor", CURSOR))
                    .expressionAttributeValues(Map.of(":cursor", millis(cursor))));
            return true;
        } catch (ConditionalCheckFailedException alreadyFurther) {
            return false;
        }
    }

    public void rememberZone(long companyId, ZoneId zone) {
        set(companyId, ZONE, AttributeValue.fromS(zone.getId()));
    }

    /** @param region an ISO 3166-1 code, or empty when the company's data names none */
    public void rememberPhoneRegion(long companyId, Optional<String> region) {
        set(companyId, PHONE_REGION, AttributeValue.fromS(region.orElse(NO_REGION)));
    }

    /** Keeps the first run's window, once: later first runs (after a failed one) leave the first record of it. */
    public void rememberBackfill(long companyId, Instant from, Instant to) {
        client.updateItem(update -> update.tableName(tableName).key(key(companyId))
                .updateExpression("SET #from = if_not_exists(#from, :from), #to = if_not_exists(#to, :to)")
                .expressionAttributeNames(Map.of("#from", BACKFILL_FROM, "#to", BACKFILL_TO))
                .expressionAttributeValues(Map.of(":from", millis(from), ":to", millis(to))));
    }

    /** Stamps a complete read of the company's catalog. */
    public void recordCatalog(long companyId, Instant at) {
        set(companyId, LAST_CATALOG_AT, millis(at));
    }

    /**
     * Records how a run ended. {@code error} null clears the last error and stamps the last success; otherwise the
     * message is kept for the operator (it must already be free of tokens: the client's messages are).
     */
    public void recordRun(long companyId, Instant at, String outcome, String error) {
        Map<String, String> names = new HashMap<>(Map.of("#run", LAST_RUN_AT, "#outcome", LAST_OUTCOME, "#error", LAST_ERROR));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":run", millis(at), ":outcome", AttributeValue.fromS(outcome)));
        String expression;
        if (error == null) {
            names.put("#success", LAST_SUCCESS_AT);
            expression = "SET #run = :run, #outcome = :outcome, #success = :run REMOVE #error";
        } else {
            values.put(":error", AttributeValue.fromS(error));
            expression = "SET #run = :run, #outcome = :outcome, #error = :error";
        }
        client.updateItem(update -> update.tableName(tableName).key(key(companyId))
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /**
     * Every company's last success, last outcome and first scheduling, in BatchGetItem requests of 100 keys (its limit),
     * unprocessed keys asked again. Eventually consistent: a success of the last second may be missed, and staleness
     * is judged in whole schedule intervals. A company without an item is {@link SyncFreshness#unknown}.
     */
    public Map<Long, SyncFreshness> freshness(Collection<Long> companyIds) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(companyIds));
        Map<Long, SyncFreshness> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream().map(SyncStateStore::key).toList();
            Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder()
                    .keys(keys)
                    .projectionExpression("#company, #success, #outcome, #first")
                    .expressionAttributeNames(Map.of("#company", COMPANY_ID, "#success", LAST_SUCCESS_AT, "#outcome", LAST_OUTCOME,
                            "#first", FIRST_SCHEDULED_AT))
                    .build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB left sync states unread after " + BATCH_ATTEMPTS + " attempts");
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = client.batchGetItem(get -> get.requestItems(request));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                    long companyId = Long.parseLong(item.get(COMPANY_ID).n());
                    found.put(companyId, new SyncFreshness(companyId, instant(item, LAST_SUCCESS_AT), text(item, LAST_OUTCOME),
                            instant(item, FIRST_SCHEDULED_AT)));
                }
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        Map<Long, SyncFreshness> freshness = new LinkedHashMap<>();
        ids.forEach(id -> freshness.put(id, found.getOrDefault(id, SyncFreshness.unknown(id))));
        return freshness;
    }

    /**
     * Stamps when the schedule first queued the company, unless a stamp is already there (another tick, a retry of this
     * one), and answers the stamp that stands.
     */
    public Instant markFirstScheduled(long companyId, Instant at) {
        Map<String, AttributeValue> stored = client.updateItem(update -> update.tableName(tableName).key(key(companyId))
                .updateExpression("SET #first = if_not_exists(#first, :at)")
                .expressionAttributeNames(Map.of("#first", FIRST_SCHEDULED_AT))
                .expressionAttributeValues(Map.of(":at", millis(at)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return instant(stored, FIRST_SCHEDULED_AT).orElse(at);
    }

    /** Asks the next sync to read this record from the API and store what it says. */
    public void markForReread(long companyId, long recordId) {
        client.updateItem(update -> update.tableName(tableName).key(key(companyId))
                .updateExpression("ADD #reread :ids")
                .expressionAttributeNames(Map.of("#reread", REREAD))
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromNs(List.of(Long.toString(recordId))))));
    }

    /** The company's records marked for re-reading, lowest id first (so a bounded run always makes progress the same way). */
    public SortedSet<Long> rereads(long companyId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(tableName).consistentRead(true).key(key(companyId))
                .projectionExpression("#reread").expressionAttributeNames(Map.of("#reread", REREAD))).item();
        SortedSet<Long> ids = new TreeSet<>();
        AttributeValue marks = item == null ? null : item.get(REREAD);
        if (marks != null && marks.hasNs()) {
            marks.ns().forEach(id -> ids.add(Long.valueOf(id)));
        }
        return ids;
    }

    /**
     * Removes the marks of records the sync settled. A mark the webhook adds again in between is removed too; the
     * sync's overlap reads such a record again anyway, as it changed within the last minutes.
     */
    public void clearRereads(long companyId, Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return; // DynamoDB refuses an empty set
        }
        client.updateItem(update -> update.tableName(tableName).key(key(companyId))
                .updateExpression("DELETE #reread :ids")
                .expressionAttributeNames(Map.of("#reread", REREAD))
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromNs(recordIds.stream().map(String::valueOf).toList()))));
    }

    /** One attribute of the company's item, nothing else touched. */
    private void set(long companyId, String attribute, AttributeValue value) {
        client.updateItem(update -> update.tableName(tableName).key(key(companyId))
                .updateExpression("SET #attribute = :value")
                .expressionAttributeNames(Map.of("#attribute", attribute))
                .expressionAttributeValues(Map.of(":value", value)));
    }

    private static Map<String, AttributeValue> key(long companyId) {
        return Map.of(COMPANY_ID, AttributeValue.fromN(Long.toString(companyId)));
    }

    private static AttributeValue millis(Instant at) {
        return AttributeValue.fromN(Long.toString(at.toEpochMilli()));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }
}

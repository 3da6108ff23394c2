package io.ycbridge.webhook;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.UpsertOutcome;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.YClientsException;
import io.ycbridge.yclients.model.Record;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes one webhook delivery from YClients to the records table. Strangers are refused before the body is read; a
 * valid record event is stored through {@link RecordStore}, the one write path shared with the sync, so duplicates and
 * reordering converge. Where a body is not enough — it lacks fields, it is a delete without data, or it differs from
 * the stored version of the same second — the record is read back from the API and stored as the API says; when the
 * API cannot answer, what arrived is stored (marked incomplete, or as a placeholder) and the record is marked for the
 * next sync to re-read: a valid event is never dropped. Storage failures answer 503 so YClients delivers again.
 */
final class WebhookService {
    private static final ObjectMapper JSON = ApiJson.mapper();

    private final WebhookTokenCheck tokens;
    private final WebhookParser parser = new WebhookParser();
    private final Set<Long> companies;
    private final ZoneId companyZone;
    private final RecordNormalizer normalizer;
    private final RecordStore records;
    private final RecordFetcher fetcher;
    private final SyncStateStore marks;
    private final DecisionLog log;
    private final EmfMetrics metrics;
    private final Clock clock;

    WebhookService(WebhookTokenCheck tokens, Set<Long> companies, ZoneId companyZone, RecordNormalizer normalizer,
                   RecordStore records, RecordFetcher fetcher, SyncStateStore marks, DecisionLog log, EmfMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.companies = Set.copyOf(companies);
        this.companyZone = companyZone;
        this.normalizer = normalizer;
        this.records = records;
        this.fetcher = fetcher;
        this.marks = marks;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
    }

    DeliveryResult accept(String presentedToken, byte[] body) {
        long started = System.nanoTime();
        if (!tokens.matches(presentedToken)) {
            return reported(IntakeResult.refused(IntakeOutcome.UNAUTHORIZED, tokens.configured() ? "wrong token" : "no webhook token configured"),
                    started);
        }
        WebhookParser.Delivery delivery;
        try {
            delivery = parser.parseDelivery(body);
        } catch (RejectedDeliveryException e) {
            return reported(IntakeResult.refused(IntakeOutcome.REJECTED, e.getMessage()), started);
        }
        if (!delivery.batch()) {
            return reported(decide(delivery.elements().getFirst()), started);
        }
        List<IntakeResult> results = new ArrayList<>(delivery.elements().size());
        for (WebhookParser.Element element : delivery.elements()) {
            long elementStarted = System.nanoTime();
            IntakeResult result = decide(element);
            report(result, (System.nanoTime() - elementStarted) / 1_000_000.0);
            results.add(result);
        }
        return new DeliveryResult(results, true);
    }

    private DeliveryResult reported(IntakeResult result, long startedNanos) {
        report(result, (System.nanoTime() - startedNanos) / 1_000_000.0);
        return DeliveryResult.single(result);
    }

    private IntakeResult decide(WebhookParser.Element element) {
        if (element.rejection() != null) {
            return IntakeResult.refused(IntakeOutcome.REJECTED, element.rejection());
        }
        WebhookEvent event = element.event();
        if (!companies.contains(event.companyId())) {
            return IntakeResult.about(event, IntakeOutcome.FORBIDDEN, "company not served by this deployment");
        }
        if (!event.isRecord()) {
            return IntakeResult.about(event, IntakeOutcome.IGNORED, "resource " + safeResource(event.resource()) + " is not used");
        }
        Record sent;
        StoredRecord fromBody;
        try {
            sent = decode(event);
            fromBody = sent == null ? null : normalizeOrNull(event, sent);
        } catch (RejectedDeliveryException e) {
            return IntakeResult.about(event, IntakeOutcome.REJECTED, e.getMessage());
        }
        try {
            return store(event, sent, fromBody);
        } catch (RejectedDeliveryException e) {
            return IntakeResult.about(event, IntakeOutcome.REJECTED, e.getMessage());
        } catch (RuntimeException storageFailure) {
            log.error("webhook-store-failed", fields(event, Map.of("error", storageFailure.getClass().getSimpleName())));
            return IntakeResult.about(event, IntakeOutcome.UNAVAILABLE, "temporarily unable to store the event");
        }
    }

    /**
     * Stores what the delivery says, asking the API where the body cannot be trusted on its own: a complete body that
     * differs from the stored version of the same second (CONFLICT: the deliveries' order says nothing about which
     * change came last), a body that lacks fields, and a delete without data over nothing complete (a delete over a
     * stored complete version just marks it deleted). Whatever the API cannot answer is marked for the sync to re-read,
     * so the delivery is still accepted and nothing is lost.
     *
     * @param sent the body's record, null when the delivery has no data
     */
    private IntakeResult store(WebhookEvent event, Record sent, StoredRecord fromBody) {
        if (fromBody != null && !fromBody.incomplete()) {
            UpsertOutcome outcome = records.upsert(fromBody);
            if (outcome != UpsertOutcome.CONFLICT) {
                return stored(event, outcome, fromBody, ApiCheck.NONE);
            }
            Optional<StoredRecord> api = readBack(event);
            if (api.isPresent()) {
                return stored(event, records.upsertFromApi(api.get()), api.get(), ApiCheck.READ_BACK);
            }
            return conflictMarkedForReread(event);
        }
        if (event.isDelete()) {
            // The stored complete version, marked deleted, is all a reversal needs: no read-back before answering.
            Optional<UpsertOutcome> marked = records.markDeleted(event.companyId(), event.resourceId(), RecordSource.WEBHOOK, clock.instant());
            if (marked.isPresent()) {
                if (marked.get().changed()) {
                    // The deletion is dated at arrival, a guess: the sync reads YClients' own deleted version.
                    markForReread(event);
                }
                return new IntakeResult(marked.get().changed() ? IntakeOutcome.STORED : IntakeOutcome.DUPLICATE, null, event.companyId(),
                        event.resourceId(), event.status(), false, ApiCheck.NONE);
            }
        }
        Optional<StoredRecord> api = readBack(event);
        if (api.isPresent()) {
            return stored(event, records.upsertFromApi(api.get()), api.get(), ApiCheck.READ_BACK);
        }
        StoredRecord kept = fromBody != null ? fromBody : placeholder(event, sent);
        UpsertOutcome outcome = fromBody != null ? records.upsert(kept) : records.upsertPlaceholder(kept);
        markForReread(event);
        return stored(event, outcome, kept, ApiCheck.MARKED_FOR_REREAD);
    }

    private IntakeResult stored(WebhookEvent event, UpsertOutcome outcome, StoredRecord record, ApiCheck check) {
        return switch (outcome) {
            case CREATED, UPDATED -> result(event, IntakeOutcome.STORED, record, check);
            case DUPLICATE -> result(event, IntakeOutcome.DUPLICATE, record, check);
            case STALE -> result(event, IntakeOutcome.STALE, record, check);
            // Only a body conflicts, and one that did was read back; the API's own versions settle conflicts.
            case CONFLICT -> conflictMarkedForReread(event);
        };
    }

    private static IntakeResult result(WebhookEvent event, IntakeOutcome outcome, StoredRecord record, ApiCheck check) {
        return new IntakeResult(outcome, null, event.companyId(), event.resourceId(), event.status(), record.incomplete(), check);
    }

    private IntakeResult conflictMarkedForReread(WebhookEvent event) {
        markForReread(event);
        return new IntakeResult(IntakeOutcome.CONFLICT_REREAD, null, event.companyId(), event.resourceId(), event.status(), false,
                ApiCheck.MARKED_FOR_REREAD);
    }

    private void markForReread(WebhookEvent event) {
        marks.markForReread(event.companyId(), event.resourceId());
    }

    /** The record as the API has it now (deleted, for a delete event), or empty when the API cannot say. */
    private Optional<StoredRecord> readBack(WebhookEvent event) {
        try {
            Record fetched = fetcher.fetch(event.companyId(), event.resourceId());
            if (fetched != null && fetched.lastChangeDate() != null) {
                return Optional.of(deletedOnDelete(event,
                        normalizer.normalize(event.companyId(), fetched, companyZone, RecordSource.WEBHOOK)));
            }
            log.warn("webhook-readback-failed", fields(event, Map.of("error", "no version in the answer", "status", 200)));
        } catch (YClientsException | IllegalArgumentException apiDown) {
            log.warn("webhook-readback-failed", fields(event, Map.of("error", apiDown.getClass().getSimpleName(),
                    "status", apiDown instanceof YClientsException e ? e.status() : 0)));
        }
        return Optional.empty();
    }

    /**
     * A made-up version for a delivery that carried none and that the API could not supply. A deletion is dated when
     * it arrived (it is YClients' latest word on the record); anything else at the epoch. Either way any version the
     * API gives later replaces it (see {@link RecordStore#upsertPlaceholder}).
     */
    private StoredRecord placeholder(WebhookEvent event, Record sent) {
        Instant version = event.isDelete() ? clock.instant() : Instant.EPOCH;
        if (sent == null) {
            return deletedOnDelete(event, StoredRecord.identified(event.companyId(), event.resourceId(), version, RecordSource.WEBHOOK));
        }
        try {
            return deletedOnDelete(event, normalizer.placeholder(event.companyId(), event.resourceId(), sent, version, companyZone,
                    RecordSource.WEBHOOK));
        } catch (IllegalArgumentException invalid) {
            // E.g. a negative service amount: not a record we can store, and the API gave us none to store instead.
            throw new RejectedDeliveryException("data is not a valid record");
        }
    }

    /** The body's record, or null when the delivery has no data; its ids must be the envelope's where it has them. */
    private static Record decode(WebhookEvent event) {
        if (event.data() == null) {
            return null;
        }
        Record record = parse(event);
        if (record.id() != 0 && record.id() != event.resourceId()) {
            throw new RejectedDeliveryException("data.id does not match resource_id");
        }
        if (record.companyId() != 0 && record.companyId() != event.companyId()) {
            throw new RejectedDeliveryException("data.company_id does not match company_id");
        }
        return record;
    }

    private static Record parse(WebhookEvent event) {
        try {
            return JSON.treeToValue(event.data(), Record.class);
        } catch (JsonMappingException e) {
            throw new RejectedDeliveryException("data is not a record: wrong type at " + e.getPathReference().replaceAll(".*\\[", "["));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new RejectedDeliveryException("data is not a record");
        }
    }

    /** The body at the envelope's ids (a body may leave its own id out), or null when it carries no version. */
    private StoredRecord normalizeOrNull(WebhookEvent event, Record sent) {
        try {
            return deletedOnDelete(event,
                    normalizer.normalize(event.companyId(), event.resourceId(), sent, companyZone, RecordSource.WEBHOOK));
        } catch (IllegalArgumentException noVersion) {
            return null;
        }
    }

    /** A delete event's record is deleted, whatever its body (or the API's answer) says. */
    private static StoredRecord deletedOnDelete(WebhookEvent event, StoredRecord record) {
        return event.isDelete() ? record.withDeleted(true) : record;
    }

    private void report(IntakeResult result, double millis) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("company", result.companyId());
        line.put("record", result.recordId());
        line.put("status", result.status());
        line.put("outcome", result.outcome().metric());
        if (result.reason() != null) {
            line.put("reason", result.reason());
        }
        if (result.incomplete()) {
            line.put("incomplete", true);
        }
        if (result.apiCheck() != ApiCheck.NONE) {
            line.put("api", result.apiCheck().word());
        }
        line.put("ms", Math.round(millis * 10) / 10.0);
        if (result.outcome().status() >= 400) {
            log.warn("webhook", line);
        } else {
            log.info("webhook", line);
        }
        Map<String, String> dimensions = result.companyId() == null || result.outcome() == IntakeOutcome.FORBIDDEN
                ? Map.of() : Map.of("Company", Long.toString(result.companyId()));
        metrics.count("Webhook" + camelCase(result.outcome().metric()), dimensions);
    }

    private static Map<String, Object> fields(WebhookEvent event, Map<String, Object> extra) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("company", event.companyId());
        line.put("record", event.resourceId());
        line.put("status", event.status());
        line.putAll(extra);
        return line;
    }

    /** {@code conflict-reread} → {@code ConflictReread}: metric names in the style of the others. */
    private static String camelCase(String words) {
        StringBuilder name = new StringBuilder(words.length());
        for (String word : words.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    /** Resource names are ours to log only when they look like names: the body is not trusted text. */
    private static String safeResource(String resource) {
        return resource.matches("[a-z_]{1,40}") ? resource : "(unrecognised)";
    }
}

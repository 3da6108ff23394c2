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
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.ApiTimestamp;
import io.ycbridge.yclients.YClientsException;
import io.ycbridge.yclients.model.Record;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Takes one webhook delivery from YClients to the records table. Strangers are refused before the body is read; a
 * valid record event is stored through {@link RecordStore#upsert}, the one write path shared with the sync, so
 * duplicates and reordering converge. A body missing fields is completed from the API when it answers, and stored
 * as it came (marked incomplete) when it does not: a valid event is never dropped. Storage failures answer 503 so
 * YClients delivers again.
 */
final class WebhookService {
    private static final ObjectMapper JSON = ApiJson.mapper();
    // A body with no version at all is stored at the epoch: any real version, from the sync, replaces it.
    private static final ApiTimestamp NO_VERSION = ApiTimestamp.of(OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC));

    private final WebhookTokenCheck tokens;
    private final WebhookParser parser = new WebhookParser();
    private final Set<Long> companies;
    private final ZoneId companyZone;
    private final RecordNormalizer normalizer;
    private final RecordStore records;
    private final RecordFetcher fetcher;
    private final DecisionLog log;
    private final EmfMetrics metrics;
    private final Clock clock;

    WebhookService(WebhookTokenCheck tokens, Set<Long> companies, ZoneId companyZone, RecordNormalizer normalizer,
                   RecordStore records, RecordFetcher fetcher, DecisionLog log, EmfMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.companies = Set.copyOf(companies);
        this.companyZone = companyZone;
        this.normalizer = normalizer;
        this.records = records;
        this.fetcher = fetcher;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
    }

    IntakeResult accept(String presentedToken, byte[] body) {
        long started = System.nanoTime();
        IntakeResult result = decide(presentedToken, body);
        report(result, (System.nanoTime() - started) / 1_000_000.0);
        return result;
    }

    private IntakeResult decide(String presentedToken, byte[] body) {
        if (!tokens.matches(presentedToken)) {
            return IntakeResult.refused(IntakeOutcome.UNAUTHORIZED, tokens.configured() ? "wrong token" : "no webhook token configured");
        }
        WebhookEvent event;
        try {
            event = parser.parse(body);
        } catch (RejectedDeliveryException e) {
            return IntakeResult.refused(IntakeOutcome.REJECTED, e.getMessage());
        }
        if (!companies.contains(event.companyId())) {
            return new IntakeResult(IntakeOutcome.FORBIDDEN, "company not served by this deployment", event.companyId(),
                    event.resourceId(), event.status(), false);
        }
        if (!event.isRecord()) {
            return new IntakeResult(IntakeOutcome.IGNORED, "resource " + safeResource(event.resource()) + " is not used",
                    event.companyId(), event.resourceId(), event.status(), false);
        }
        StoredRecord record;
        try {
            record = recordOf(event);
        } catch (RejectedDeliveryException e) {
            return new IntakeResult(IntakeOutcome.REJECTED, e.getMessage(), event.companyId(), event.resourceId(), event.status(), false);
        }
        UpsertOutcome outcome;
        try {
            outcome = records.upsert(record);
        } catch (RuntimeException storageFailure) {
            log.error("webhook-store-failed", fields(event, Map.of("error", storageFailure.getClass().getSimpleName())));
            return new IntakeResult(IntakeOutcome.UNAVAILABLE, "temporarily unable to store the event", event.companyId(),
                    event.resourceId(), event.status(), record.incomplete());
        }
        IntakeOutcome intake = switch (outcome) {
            case CREATED, UPDATED -> IntakeOutcome.STORED;
            case DUPLICATE, CONFLICT -> IntakeOutcome.DUPLICATE;
            case STALE -> IntakeOutcome.STALE;
        };
        return new IntakeResult(intake, null, event.companyId(), event.resourceId(), event.status(), record.incomplete());
    }

    /** The record to store: the body's, or the API's when the body lacks fields and the API answers. */
    private StoredRecord recordOf(WebhookEvent event) {
        Record sent = decode(event);
        if (sent.id() != event.resourceId()) {
            throw new RejectedDeliveryException("data.id does not match resource_id");
        }
        if (sent.companyId() != 0 && sent.companyId() != event.companyId()) {
            throw new RejectedDeliveryException("data.company_id does not match company_id");
        }
        StoredRecord fromBody = normalizeOrNull(event, sent);
        if (fromBody != null && !fromBody.incomplete()) {
            return fromBody;
        }
        try {
            Record fetched = fetcher.fetch(event.companyId(), event.resourceId());
            if (fetched != null && fetched.lastChangeDate() != null) {
                return normalizer.normalize(event.companyId(), event.isDelete() ? fetched.asDeleted() : fetched, companyZone, RecordSource.WEBHOOK);
            }
        } catch (YClientsException | IllegalArgumentException apiDown) {
            log.warn("webhook-readback-failed", fields(event, Map.of("error", apiDown.getClass().getSimpleName(),
                    "status", apiDown instanceof YClientsException e ? e.status() : 0)));
        }
        if (fromBody != null) {
            return fromBody;
        }
        // No version in the body and none from the API: a deletion is dated when it arrived (it is YClients' latest
        // word on the record); anything else is kept at the epoch until the sync brings the real version.
        ApiTimestamp version = event.isDelete() ? ApiTimestamp.of(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)) : NO_VERSION;
        try {
            return placeholder(normalizer.normalize(event.companyId(), sent.withLastChangeDate(version), companyZone, RecordSource.WEBHOOK));
        } catch (IllegalArgumentException invalid) {
            // E.g. a negative service amount: not a record we can store, and the API gave us none to store instead.
            throw new RejectedDeliveryException("data is not a valid record");
        }
    }

    private Record decode(WebhookEvent event) {
        if (event.data() == null) {
            return placeholderRecord(event);
        }
        try {
            Record record = JSON.treeToValue(event.data(), Record.class);
            if (record.id() == 0) {
                record = JSON.treeToValue(((com.fasterxml.jackson.databind.node.ObjectNode) event.data().deepCopy()).put("id", event.resourceId()), Record.class);
            }
            return event.isDelete() ? record.asDeleted() : record;
        } catch (JsonMappingException e) {
            throw new RejectedDeliveryException("data is not a record: wrong type at " + e.getPathReference().replaceAll(".*\\[", "["));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new RejectedDeliveryException("data is not a record");
        }
    }

    private Record placeholderRecord(WebhookEvent event) {
        return new Record(event.resourceId(), event.companyId(), null, null, null, null, null, null, null, null, null, null, null,
                null, event.isDelete(), null, null, null, null, null);
    }

    private StoredRecord normalizeOrNull(WebhookEvent event, Record sent) {
        try {
            return normalizer.normalize(event.companyId(), sent, companyZone, RecordSource.WEBHOOK);
        } catch (IllegalArgumentException noVersion) {
            return null;
        }
    }

    private static StoredRecord placeholder(StoredRecord record) {
        return new StoredRecord(record.companyId(), record.recordId(), record.changedAt(), record.deleted(), record.clientId(),
                record.clientPhone(), record.staffId(), record.attendance(), record.paidFull(), record.services(), record.startsAt(),
                record.seanceLength(), record.visitId(), true, record.source());
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
        line.put("ms", Math.round(millis * 10) / 10.0);
        if (result.outcome().status() >= 400) {
            log.warn("webhook", line);
        } else {
            log.info("webhook", line);
        }
        Map<String, String> dimensions = result.companyId() == null || result.outcome() == IntakeOutcome.FORBIDDEN
                ? Map.of() : Map.of("Company", Long.toString(result.companyId()));
        metrics.count("Webhook" + capitalized(result.outcome().metric()), dimensions);
    }

    private static Map<String, Object> fields(WebhookEvent event, Map<String, Object> extra) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("company", event.companyId());
        line.put("record", event.resourceId());
        line.put("status", event.status());
        line.putAll(extra);
        return line;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Resource names are ours to log only when they look like names: the body is not trusted text. */
    private static String safeResource(String resource) {
        return resource.matches("[a-z_]{1,40}") ? resource : "(unrecognised)";
    }
}

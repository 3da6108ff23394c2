package io.ycbridge.bonus;

import com.amazonaws.services.lambda.runtime.Context;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.config.Config;
import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.edge.Trigger;
import io.ycbridge.edge.TriggerHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.StoredRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * RecordsTable stream → ledger. Each stream item is decided on its own; an item that fails is reported by its
 * sequence number (ReportBatchItemFailures) and the rest of the batch still counts. Lambda then retries from the
 * first failed item, replaying some that succeeded: harmless, since a version already applied is skipped as stale.
 * A batch that does not decode fails the invocation (TriggerHandler's default), so Lambda delivers it again: it
 * comes from DynamoDB Streams, not from a user, and skipping it would lose money silently.
 */
public final class BonusAccrualHandler extends TriggerHandler<List<StreamChange>, BatchItemFailures> {
    private static final String COMPONENT = "bonus-accrual";
    private final Supplier<BonusAccrualService> service;
    private final DecisionLog log;
    private final EmfMetrics metrics;

    public BonusAccrualHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack and the template check, which have no process environment to set. */
    public BonusAccrualHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change: percent, rounding, cap and rules are read from them. */
    public BonusAccrualHandler(LiveSettings settings) {
        this(settings.bind(config -> BonusAccrualService.forAccrual(config, AwsClients.from(config))), LogSink.STDOUT);
    }

    BonusAccrualHandler(BonusAccrualService service, LogSink sink) {
        this(() -> service, sink);
    }

    private BonusAccrualHandler(Supplier<BonusAccrualService> service, LogSink sink) {
        super(Trigger.DYNAMODB_STREAM);
        this.service = service;
        this.log = new DecisionLog(COMPONENT, sink, Clock.systemUTC());
        this.metrics = new EmfMetrics(COMPONENT, sink, Clock.systemUTC());
    }

    @Override
    public BatchItemFailures handle(List<StreamChange> batch, Context context) {
        List<String> failures = new ArrayList<>();
        for (StreamChange item : batch) {
            String sequence = item.sequenceNumber();
            try {
                accrue(item);
            } catch (RuntimeException e) {
                // The exception's class only: a message could quote an image, and images hold phone numbers.
                Map<String, Object> fields = keys(item);
                fields.put("sequence", sequence);
                fields.put("outcome", "FAILED");
                fields.put("error", e.getClass().getSimpleName());
                log.error("accrual-failed", fields);
                metrics.count("AccrualFailed", Map.of());
                failures.add(sequence);
            }
        }
        return new BatchItemFailures(failures);
    }

    private void accrue(StreamChange item) {
        if ("REMOVE".equals(item.eventName())) {
            // RecordStore never deletes: YClients' deletion arrives as deleted=true in a MODIFY and is reversed then.
            // A REMOVE is an operator's clean-up, which must not move anyone's money.
            Map<String, Object> fields = keys(item);
            fields.put("outcome", "IGNORED_REMOVE");
            log.info("accrual-decision", fields);
            return;
        }
        Map<String, AttributeValue> image = item.newImage();
        if (image == null) {
            throw new IllegalArgumentException("stream item without a new image: the stream must be NEW_AND_OLD_IMAGES");
        }
        StoredRecord record = RecordItem.fromItem(image);
        AccrualResult result = service.get().accrue(record, RecordItem.revision(image));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("companyId", result.companyId());
        fields.put("recordId", result.recordId());
        fields.put("version", record.changedAt().toEpochMilli());
        fields.put("revision", RecordItem.revision(image));
        fields.put("outcome", result.outcome().name());
        if (result.kind() != null) {
            fields.put("kind", result.kind().name());
            fields.put("amount", result.amount());
        }
        if (result.owner() != null) {
            fields.put("owner", result.owner().kindForLog());
        }
        log.info("accrual-decision", fields);
        metrics.count("Accrual" + camel(result.outcome().name()), Map.of("CompanyId", Long.toString(result.companyId())));
    }

    /** Company and record from the stream item's keys, as far as they are readable: for the log line only. */
    private static Map<String, Object> keys(StreamChange item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (item.keys() != null) {
            if (item.keys().get(RecordItem.COMPANY_ID) != null) {
                fields.put("companyId", item.keys().get(RecordItem.COMPANY_ID).n());
            }
            if (item.keys().get(RecordItem.RECORD_ID) != null) {
                fields.put("recordId", item.keys().get(RecordItem.RECORD_ID).n());
            }
        }
        return fields;
    }

    private static String camel(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT).replace("_c", "C");
    }
}

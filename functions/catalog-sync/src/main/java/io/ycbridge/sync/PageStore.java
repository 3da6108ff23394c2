package io.ycbridge.sync;

import io.ycbridge.observe.DecisionLog;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordBatchWrites;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.UpsertOutcome;
import io.ycbridge.record.RecordVersionStore;
import io.ycbridge.record.RecordVersionStore.StoredVersion;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.yclients.model.Record;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores one page of the records feed through {@link RecordStore#upsertFromApi}'s conditional update, the store
 * webhooks write too, a hundred records to a request ({@link RecordBatchWrites}).
 * Safe to call from several threads at once: it keeps no state of its own, and two writes of one record are ordered
 * by the store's version condition.
 */
final class PageStore {
    private final RecordNormalizer normalizer;
    private final RecordVersionStore versions;
    private final RecordBatchWrites writes;
    private final DecisionLog log;

    PageStore(RecordNormalizer normalizer, RecordVersionStore versions, RecordBatchWrites writes, DecisionLog log) {
        this.normalizer = normalizer;
        this.versions = versions;
        this.writes = writes;
        this.log = log;
    }

    /** The page as we store it; a record that cannot be used is logged and left out. */
    List<StoredRecord> normalize(long companyId, List<Record> page, ZoneId zone) {
        List<StoredRecord> normalized = new ArrayList<>(page.size());
        for (Record record : page) {
            try {
                normalized.add(normalizer.normalize(companyId, record, zone, RecordSource.SYNC));
            } catch (IllegalArgumentException unusable) {
                log.warn("record-rejected", Map.of("companyId", companyId, "recordId", record.id(), "reason", unusable.getMessage()));
            }
        }
        return normalized;
    }

    PageTally store(long companyId, int fetched, List<StoredRecord> normalized) {
        PageTally tally = new PageTally(fetched, 0, 0, 0, fetched - normalized.size(), PageTally.CatalogNames.NONE);
        // One batch read per page spares the write units of conditional puts that would be refused (the overlap).
        Map<Long, StoredVersion> stored = versions.versions(companyId, normalized.stream().map(StoredRecord::recordId).toList());
        List<StoredRecord> changed = new ArrayList<>(normalized.size());
        for (StoredRecord record : normalized) {
            StoredVersion version = stored.get(record.recordId());
            if (version != null && version.covers(record)) {
                tally = tally.plus(PageTally.alreadyStored());
            } else {
                changed.add(record);
            }
        }
        List<UpsertOutcome> outcomes = writes.upsertAllFromApi(changed, stored.keySet());
        for (int i = 0; i < changed.size(); i++) {
            tally = tally.plus(PageTally.of(outcomes.get(i), changed.get(i)));
        }
        return tally;
    }
}

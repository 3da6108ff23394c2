package io.ycbridge.record;

import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.yclients.ApiTimestamp;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.RecordClient;
import io.ycbridge.yclients.model.RecordService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an API {@link Record} (from a webhook body or a sync page) into a {@link StoredRecord}, once, the same way
 * for both paths. Lenient where the API is loose: a missing field does not fail the record; it is marked
 * {@code incomplete} so the next sync, reading the full record, completes it at the same version.
 *
 * <p>Time zone: a time sent with an offset keeps it; a time without one is the company's local time in
 * {@code companyZone} (see ApiTimestamp). A record with no client ({@code client: null}, a walk-in) is complete
 * without one. A phone that is no usable number is dropped (the client id still identifies the client). A phone
 * without a country code is read in the company's region ({@link PhoneRegions}).
 */
public final class RecordNormalizer {
    private final PhoneRegions phones;

    public RecordNormalizer(PhoneRegions phones) {
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    /** One region for every company. */
    public RecordNormalizer(PhoneNormalizer phones) {
        this(PhoneRegions.everywhere(phones));
    }

    /** Every company in Russia: for tests. */
    public static RecordNormalizer russia() {
        return new RecordNormalizer(PhoneNormalizer.russia());
    }

    /** Uses the record's own {@code company_id}. */
    public StoredRecord normalize(Record record, ZoneId companyZone, RecordSource source) {
        return normalize(record.companyId(), record, companyZone, source);
    }

    /**
     * @param companyId the company the record belongs to, e.g. a webhook envelope's {@code company_id}, which is
     *                  there even when the record body lacks it
     * @throws IllegalArgumentException naming the field when the record has no id or no version at all
     *                                  ({@code last_change_date} nor {@code create_date}): it cannot be ordered
     *                                  against other versions, so it is not stored; the sync brings it
     */
    public StoredRecord normalize(long companyId, Record record, ZoneId companyZone, RecordSource source) {
        return normalize(companyId, Objects.requireNonNull(record, "record").id(), record, companyZone, source);
    }

    /**
     * @param recordId the record's id, e.g. a webhook envelope's {@code resource_id}, which is there even when the
     *                 record body lacks it
     */
    public StoredRecord normalize(long companyId, long recordId, Record record, ZoneId companyZone, RecordSource source) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(companyZone, "companyZone");
        requireIds(companyId, recordId);
        if (record.lastChangeDate() != null) {
            return stored(companyId, recordId, record, record.lastChangeDate().toInstant(companyZone), false, companyZone, source);
        }
        if (record.createDate() != null) {
            // Never changed since creation, as far as this body tells; the sync confirms.
            return stored(companyId, recordId, record, record.createDate().toInstant(companyZone), true, companyZone, source);
        }
        throw new IllegalArgumentException("record " + recordId + " of company " + companyId
                + " has no last_change_date (nor create_date): it cannot be ordered against other versions");
    }

    /**
     * A body that carries no version, stored at {@code version} and marked incomplete: a placeholder, which any
     * version the API gives later replaces (see {@link RecordStore#upsertPlaceholder}).
     *
     * @throws IllegalArgumentException when the body is not a valid record (e.g. a negative service amount)
     */
    public StoredRecord placeholder(long companyId, long recordId, Record record, Instant version, ZoneId companyZone,
                                    RecordSource source) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(companyZone, "companyZone");
        requireIds(companyId, recordId);
        return stored(companyId, recordId, record, version, true, companyZone, source);
    }

    private static void requireIds(long companyId, long recordId) {
        if (recordId <= 0) {
            throw new IllegalArgumentException("record of company " + companyId + " has no id");
        }
        if (companyId <= 0) {
            throw new IllegalArgumentException("record " + recordId + " has no company_id");
        }
    }

    private StoredRecord stored(long companyId, long recordId, Record record, Instant changedAt, boolean incomplete, ZoneId companyZone,
                                RecordSource source) {
        Long clientId = null;
        PhoneNumber phone = null;
        RecordClient client = record.client();
        if (client != null) {
            clientId = client.id() == null || client.id() <= 0 ? null : client.id();
            phone = client.phone() == null ? null : phones.forCompany(companyId).normalize(client.phone()).orElse(null);
            if (clientId == null && phone == null) {
                incomplete = true; // a client object with neither id nor phone: the body was cut short
            }
        }

        Integer attendance = record.attendance() != null ? record.attendance() : record.visitAttendance();
        incomplete |= attendance == null || record.paidFull() == null || record.staffId() == null || record.seanceLength() == null;

        List<StoredService> services = new ArrayList<>(record.services().size());
        for (RecordService line : record.services()) {
            BigDecimal cost = line.charged().orElse(null);
            if (cost == null) {
                incomplete = true;
                cost = BigDecimal.ZERO;
            }
            services.add(new StoredService(line.id(), line.title(), cost, line.amount() == null ? 1 : line.amount()));
        }

        OffsetDateTime startsAt = startOf(record, companyZone);
        incomplete |= startsAt == null;

        return new StoredRecord(
                companyId,
                recordId,
                changedAt,
                record.isDeleted(),
                clientId,
                phone,
                record.staffId(),
                attendance == null ? 0 : attendance,
                record.paidFull() != null && record.paidFull() == 1,
                services,
                startsAt,
                record.seanceLength() == null ? null : Duration.ofSeconds(record.seanceLength()),
                record.visitId() == null || record.visitId().isBlank() ? null : record.visitId().strip(),
                incomplete,
                source);
    }

    private static OffsetDateTime startOf(Record record, ZoneId companyZone) {
        // datetime carries the offset; date is company-local. Either says when the visit starts.
        ApiTimestamp start = record.datetime() != null ? record.datetime() : record.date();
        return start == null ? null : start.resolve(companyZone);
    }
}

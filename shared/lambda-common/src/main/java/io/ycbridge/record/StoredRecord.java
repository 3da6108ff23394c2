package io.ycbridge.record;

import io.ycbridge.phone.PhoneNumber;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One version of a YClients record as the bridge keeps it: what bonus accrual needs, normalised once (phone in E.164,
 * money as BigDecimal, start time with the offset it was booked in). {@code changedAt} — YClients'
 * {@code last_change_date} — is the version: {@link RecordStore#upsert} never replaces a newer one with an older one.
 *
 * <p>{@code incomplete}: the body this came from lacked fields (see {@link RecordNormalizer}); the next sync, reading
 * the record from the API, completes it at the same version. Nullable: {@code clientId}, {@code clientPhone},
 * {@code staffId}, {@code startsAt}, {@code seanceLength}, {@code visitId}.
 */
public record StoredRecord(
        long companyId,
        long recordId,
        Instant changedAt,
        boolean deleted,
        Long clientId,
        PhoneNumber clientPhone,
        Long staffId,
        int attendance,
        boolean paidFull,
        List<StoredService> services,
        OffsetDateTime startsAt,
        Duration seanceLength,
        String visitId,
        boolean incomplete,
        RecordSource source) {

    /** The client came (YClients attendance 1). */
    public static final int ATTENDANCE_CAME = 1;

    public StoredRecord {
        if (companyId <= 0 || recordId <= 0) {
            throw new IllegalArgumentException("company id and record id must be positive, got " + companyId + "/" + recordId);
        }
        // Stored as epoch milliseconds: truncating here keeps a read-back equal to what was written.
        changedAt = Objects.requireNonNull(changedAt, "changedAt").truncatedTo(ChronoUnit.MILLIS);
        services = services == null ? List.of() : List.copyOf(services);
        Objects.requireNonNull(source, "source");
    }

    /**
     * A record known only by its ids, at a version made up for it: the placeholder for a webhook delivered without
     * {@code data} that the API could not complete. Incomplete, so any version from the API replaces it.
     */
    public static StoredRecord identified(long companyId, long recordId, Instant changedAt, RecordSource source) {
        return new StoredRecord(companyId, recordId, changedAt, false, null, null, null, 0, false, List.of(), null, null, null, true,
                source);
    }

    /** {@code +79991234567}, or null when the record has no (usable) client phone. */
    public String clientPhoneE164() {
        return clientPhone == null ? null : clientPhone.e164();
    }

    /** The sum of the service lines' costs. */
    public BigDecimal total() {
        return StoredService.canonical(services.stream().map(StoredService::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public boolean came() {
        return attendance == ATTENDANCE_CAME;
    }

    public StoredRecord withDeleted(boolean value) {
        return new StoredRecord(companyId, recordId, changedAt, value, clientId, clientPhone, staffId, attendance, paidFull, services,
                startsAt, seanceLength, visitId, incomplete, source);
    }

    /** The same version marked as lacking fields (a placeholder, a body the API could not complete). */
    public StoredRecord withIncomplete(boolean value) {
        return new StoredRecord(companyId, recordId, changedAt, deleted, clientId, clientPhone, staffId, attendance, paidFull, services,
                startsAt, seanceLength, visitId, value, source);
    }

    public StoredRecord withStartsAt(OffsetDateTime value) {
        return new StoredRecord(companyId, recordId, changedAt, deleted, clientId, clientPhone, staffId, attendance, paidFull, services,
                value, seanceLength, visitId, incomplete, source);
    }

    public StoredRecord withSource(RecordSource value) {
        return new StoredRecord(companyId, recordId, changedAt, deleted, clientId, clientPhone, staffId, attendance, paidFull, services,
                startsAt, seanceLength, visitId, incomplete, value);
    }
}

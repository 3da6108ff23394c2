package io.ycbridge.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The filters of {@code GET /records/{company_id}}. Visit dates compare with the record's company-local date,
 * creation dates likewise; both change bounds are inclusive, so a client that resumes from its last seen change
 * time sees that record again and must treat it idempotently. Null means "no bound".
 */
record RecordFilter(LocalDate startDate, LocalDate endDate, LocalDate createdFrom, LocalDate createdTo,
                    Instant changedAfter, Instant changedBefore, Long staffId, Long clientId, boolean withDeleted) {

    boolean matches(Appointment record, ZoneId zone) {
        if (record.deleted() && !withDeleted) {
            return false;
        }
        LocalDate visit = record.start().toLocalDate();
        LocalDate created = LocalDate.ofInstant(record.created(), zone);
        return (startDate == null || !visit.isBefore(startDate))
                && (endDate == null || !visit.isAfter(endDate))
                && (createdFrom == null || !created.isBefore(createdFrom))
                && (createdTo == null || !created.isAfter(createdTo))
                && (changedAfter == null || !record.lastChange().isBefore(changedAfter))
                && (changedBefore == null || !record.lastChange().isAfter(changedBefore))
                && (staffId == null || record.staffId() == staffId)
                && (clientId == null || record.clientId() == clientId);
    }
}

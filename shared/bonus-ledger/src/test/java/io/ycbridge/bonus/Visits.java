package io.ycbridge.bonus;

import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Records as the stream carries them, for the tests: a paid visit of 1500 + 499.50 that the client came to. */
public final class Visits {
    public static final long COMPANY = 235564;
    public static final long CLIENT = 4001;
    public static final String PHONE = "+79990000001";
    public static final Instant BASE = Instant.parse("2026-11-20T10:00:00Z");

    private Visits() {
    }

    public static StoredRecord came(long recordId, int version) {
        return visit(recordId, version, StoredRecord.ATTENDANCE_CAME, true, false, CLIENT, PHONE,
                List.of(new StoredService(301, "Haircut", new BigDecimal("1500.00"), 1), new StoredService(302, "Beard trim", new BigDecimal("499.50"), 1)));
    }

    public static StoredRecord visit(long recordId, int version, int attendance, boolean paid, boolean deleted, Long clientId, String phone,
                              List<StoredService> services) {
        return new StoredRecord(COMPANY, recordId, BASE.plusSeconds(version), deleted, clientId, phone == null ? null : new PhoneNumber(phone), 55L,
                attendance, paid, services, OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), Duration.ofHours(1), "7001", false,
                RecordSource.WEBHOOK);
    }

    public static StoredRecord with(StoredRecord r, int version, int attendance, boolean paid, boolean deleted) {
        return new StoredRecord(r.companyId(), r.recordId(), BASE.plusSeconds(version), deleted, r.clientId(), r.clientPhone(), r.staffId(),
                attendance, paid, r.services(), r.startsAt(), r.seanceLength(), r.visitId(), r.incomplete(), r.source());
    }

    public static StoredRecord withServices(StoredRecord r, int version, List<StoredService> services) {
        return new StoredRecord(r.companyId(), r.recordId(), BASE.plusSeconds(version), r.deleted(), r.clientId(), r.clientPhone(), r.staffId(),
                r.attendance(), r.paidFull(), services, r.startsAt(), r.seanceLength(), r.visitId(), r.incomplete(), r.source());
    }

    public static StoredRecord incomplete(StoredRecord r) {
        return new StoredRecord(r.companyId(), r.recordId(), r.changedAt(), r.deleted(), r.clientId(), r.clientPhone(), r.staffId(),
                r.attendance(), r.paidFull(), r.services(), r.startsAt(), r.seanceLength(), r.visitId(), true, r.source());
    }

    public static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}

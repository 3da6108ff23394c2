package io.ycbridge.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * What a record version says, as a short fingerprint: client, phone, staff, attendance, payment, the service lines
 * (in id order: the API's order of lines means nothing), start, length and visit. {@code last_change_date} has
 * whole-second precision, so two versions of one second can differ; equal fingerprints mean a repeat, different ones
 * a change the store must not drop. Titles, the flags and the version itself are left out: they are compared apart.
 */
final class RecordContent {
    private RecordContent() {
    }

    static String fingerprint(StoredRecord record) {
        StringBuilder text = new StringBuilder(160)
                .append(record.clientId()).append('|').append(record.clientPhoneE164()).append('|').append(record.staffId())
                .append('|').append(record.attendance()).append('|').append(record.paidFull()).append('|').append(record.startsAt())
                .append('|').append(record.seanceLength()).append('|').append(record.visitId());
        List<StoredService> lines = record.services().stream().sorted(Comparator.comparingLong(StoredService::id)
                .thenComparing(StoredService::cost).thenComparingInt(StoredService::amount)).toList();
        for (StoredService line : lines) {
            text.append('|').append(line.id()).append(':').append(line.cost().toPlainString()).append('x').append(line.amount());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            // 96 bits: a collision between two versions of one record in one second is not a practical concern.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

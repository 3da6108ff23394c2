package io.ycbridge.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the API calls a record (Altegio says appointment; {@code Record} would clash with java.lang.Record).
 * {@code clientId} 0 means no client (a walk-in). {@code attendance}: 2 confirmed by the client, 1 came, 0 waiting,
 * -1 did not come. {@code customFields} empty is written as {@code []}, otherwise as an object. {@code apiId} is the
 * booking side's own id ({@code api_id} of {@code book_record}), "" when there is none.
 */
record Appointment(long companyId, long id, long staffId, List<AppointmentService> services, long clientId,
                   LocalDateTime start, int seanceLength, int attendance, boolean paidFull, long visitId,
                   boolean deleted, boolean online, String comment, Instant created, Instant lastChange,
                   Map<String, String> customFields, String apiId) {

    Appointment {
        services = List.copyOf(services);
        customFields = Map.copyOf(customFields);
        comment = comment == null ? "" : comment;
        apiId = apiId == null ? "" : apiId;
    }

    /** The administrator booked it for another client, or moved it into another visit. */
    Appointment reassigned(Instant at, long newClientId, long newVisitId) {
        return new Appointment(companyId, id, staffId, services, newClientId, start, seanceLength, attendance, paidFull, newVisitId,
                deleted, online, comment, created, at, customFields, apiId);
    }

    /** Moved by its booking user: another start, the comment replaced when one came. */
    Appointment moved(Instant at, LocalDateTime newStart, String newComment) {
        return new Appointment(companyId, id, staffId, services, clientId, newStart, seanceLength, attendance, paidFull, visitId,
                deleted, online, newComment == null ? comment : newComment, created, at, customFields, apiId);
    }

    Appointment changed(Instant at, LocalDateTime newStart, int newAttendance, boolean newPaidFull, boolean newDeleted,
                        List<AppointmentService> newServices, Map<String, String> newCustomFields) {
        return new Appointment(companyId, id, staffId, newServices, clientId, newStart, seanceLength, newAttendance,
                newPaidFull, visitId, newDeleted, online, comment, created, at, newCustomFields, apiId);
    }
}

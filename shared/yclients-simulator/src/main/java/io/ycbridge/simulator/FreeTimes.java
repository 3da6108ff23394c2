package io.ycbridge.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's schedule: every active master works every day from 10:00 to 20:00 in the company's zone and
 * provides every listed service. A free time starts on the hour grid of the chosen services' total length from
 * 10:00, ends by 20:00, is later than now and overlaps none of the master's records that are not cancelled.
 */
final class FreeTimes {
    static final LocalTime OPENS = LocalTime.of(10, 0);
    static final LocalTime CLOSES = LocalTime.of(20, 0);
    /** How far ahead the booking looks for dates and a master's nearest free day. */
    static final int DAYS_AHEAD = 30;
    /** A choice without services (the reference lets {@code services} be empty) books this long. */
    static final int DEFAULT_LENGTH = 3600;

    private final SimulatorData data;

    FreeTimes(SimulatorData data) {
        this.data = data;
    }

    /** Total length in seconds of these services (unknown ids count nothing; the caller checks them). */
    int length(long companyId, List<Long> serviceIds) {
        int total = data.services(companyId).stream().filter(s -> serviceIds.contains(s.id()))
                .mapToInt(OfferedService::durationSeconds).sum();
        return total > 0 ? total : DEFAULT_LENGTH;
    }

    /** The active masters, in id order. */
    List<StaffMember> masters(long companyId) {
        return data.staff(companyId).stream().filter(m -> !m.fired()).toList();
    }

    /** Free starts of one master on one day for a seance of {@code length} seconds. */
    List<LocalDateTime> starts(Company company, long staffId, LocalDate day, int length) {
        List<LocalDateTime> starts = new ArrayList<>();
        LocalDateTime close = day.atTime(CLOSES);
        List<Appointment> booked = booked(company.id(), staffId);
        for (LocalDateTime start = day.atTime(OPENS); !start.plusSeconds(length).isAfter(close); start = start.plusSeconds(length)) {
            if (isFree(company, booked, start, length)) {
                starts.add(start);
            }
        }
        return starts;
    }

    /** Free starts on a day for any master (staff id 0): the union, in time order. */
    List<LocalDateTime> startsOfAnyone(Company company, LocalDate day, int length) {
        return masters(company.id()).stream().flatMap(m -> starts(company, m.id(), day, length).stream())
                .distinct().sorted().toList();
    }

    /** Whether the master can take a seance there: within the day, in the future, not over another record. */
    boolean isFree(Company company, long staffId, LocalDateTime start, int length) {
        return isFree(company, booked(company.id(), staffId), start, length);
    }

    /**
     * Whether a record can move to {@code start}, with its master and length: as {@link #isFree}, but the record's own
     * time does not count against it, so moving it to where it already is (a repeated move) is fine.
     */
    boolean isFreeFor(Company company, Appointment moving, LocalDateTime start) {
        List<Appointment> others = booked(company.id(), moving.staffId()).stream().filter(r -> r.id() != moving.id()).toList();
        return isFree(company, others, start, moving.seanceLength());
    }

    private boolean isFree(Company company, List<Appointment> booked, LocalDateTime start, int length) {
        LocalDateTime end = start.plusSeconds(length);
        if (start.toLocalTime().isBefore(OPENS) || end.isAfter(start.toLocalDate().atTime(CLOSES))
                || end.toLocalDate().isAfter(start.toLocalDate())) {
            return false;
        }
        Instant now = data.now();
        if (!start.atZone(company.zone()).toInstant().isAfter(now)) {
            return false;
        }
        return booked.stream().noneMatch(r -> r.start().isBefore(end) && start.isBefore(r.start().plusSeconds(r.seanceLength())));
    }

    /** The master's records that hold time: read once per day's grid rather than once per slot. */
    private List<Appointment> booked(long companyId, long staffId) {
        return data.appointments(companyId).stream().filter(r -> r.staffId() == staffId && !r.deleted()).toList();
    }

    /** A master free at this time, the lowest id first, for "any master". */
    Optional<StaffMember> anyoneFree(Company company, LocalDateTime start, int length) {
        return masters(company.id()).stream().filter(m -> isFree(company, m.id(), start, length)).findFirst();
    }

    /** The days from today (in the company's zone) on which the master, or anyone when 0, has a free time. */
    List<LocalDate> bookingDays(Company company, long staffId, int length, LocalDate from, LocalDate until) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
            List<LocalDateTime> starts = staffId == 0 ? startsOfAnyone(company, day, length) : starts(company, staffId, day, length);
            if (!starts.isEmpty()) {
                days.add(day);
            }
        }
        return days;
    }

    LocalDate today(Company company) {
        return LocalDate.ofInstant(data.now(), company.zone());
    }
}

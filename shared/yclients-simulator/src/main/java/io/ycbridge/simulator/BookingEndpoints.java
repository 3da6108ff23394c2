package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The online booking ("Онлайн-запись" in the reference): what can be booked ({@code book_services},
 * {@code book_staff}, {@code book_dates}, {@code book_times}), the check and the booking itself ({@code book_check},
 * {@code book_code}, {@code book_record}), a booked record read or cancelled with its hash
 * ({@code user/records/{id}/{hash}}) or moved ({@code PUT book_record/{company_id}/{record_id}}), the last two as the
 * company's {@link RecordRules} allow. Free times follow {@link FreeTimes}. Webhooks are not sent, as for every other
 * change in the simulator: a test delivers them through {@link Webhooks}.
 */
final class BookingEndpoints {
    private static final Pattern SERVICE_ID_KEY = Pattern.compile("service_ids(?:\\[(\\d*)\\])?");

    private final SimulatorData data;
    private final BookingForms forms;
    private final FreeTimes times;
    private final Webhooks webhooks;

    BookingEndpoints(SimulatorData data, BookingForms forms, Webhooks webhooks) {
        this.data = data;
        this.forms = forms;
        this.webhooks = webhooks;
        this.times = new FreeTimes(data);
    }

    /** Services and their categories; with {@code staff_id} each carries its length, with a time only those that fit. */
    ApiResponse services(ApiCall call) {
        Company company = existingCompany(call);
        Optional<Long> staffId = call.longParam("staff_id").filter(id -> id != 0);
        Optional<LocalDateTime> at = dateTime(call, company);
        List<Long> chosen = serviceIds(call);
        ArrayNode services = Json.array();
        List<Long> categoryIds = new ArrayList<>();
        for (OfferedService service : data.services(company.id())) {
            if (at.isPresent() && staffId.isPresent()) {
                int length = times.length(company.id(), concat(chosen, service.id()));
                if (!times.isFree(company, staffId.get(), at.get(), length)) {
                    continue;
                }
            }
            services.add(BookingWireFormat.service(service, staffId.isPresent()));
            categoryIds.add(service.categoryId());
        }
        ObjectNode answer = Json.object();
        answer.putArray("events");
        answer.set("services", services);
        // "category" as the reference's example names it (its field table says "categories").
        ArrayNode categories = answer.putArray("category");
        data.categories(company.id()).stream().filter(c -> categoryIds.contains(c.id()))
                .forEach(c -> categories.add(BookingWireFormat.category(c)));
        return ApiResponse.json(200, Envelope.success(answer));
    }

    /** Active masters; with a time, only those free then for the services. */
    ApiResponse staff(ApiCall call) {
        Company company = existingCompany(call);
        int length = times.length(company.id(), serviceIds(call));
        Optional<LocalDateTime> at = dateTime(call, company);
        LocalDate today = times.today(company);
        ArrayNode list = Json.array();
        for (StaffMember member : times.masters(company.id())) {
            if (at.isPresent() && !times.isFree(company, member.id(), at.get(), length)) {
                continue;
            }
            List<LocalDate> days = times.bookingDays(company, member.id(), length, today, today.plusDays(FreeTimes.DAYS_AHEAD));
            list.add(BookingWireFormat.staff(member, days.isEmpty() ? null : days.getFirst()));
        }
        return ApiResponse.json(200, Envelope.success(list));
    }

    /** Dates from today for {@link FreeTimes#DAYS_AHEAD} days, or the month of {@code date}. */
    ApiResponse dates(ApiCall call) {
        Company company = existingCompany(call);
        long staffId = call.longParam("staff_id").orElse(0L);
        int length = times.length(company.id(), serviceIds(call));
        LocalDate from = times.today(company);
        LocalDate until = from.plusDays(FreeTimes.DAYS_AHEAD);
        Optional<String> month = call.query("date");
        if (month.isPresent()) {
            LocalDate day = WireDates.parseDate(month.get())
                    .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter("date")));
            from = day.withDayOfMonth(1);
            until = day.withDayOfMonth(day.lengthOfMonth());
        }
        List<LocalDate> working = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
            working.add(day);
        }
        List<LocalDate> booking = times.bookingDays(company, staffId, length, from, until);
        ObjectNode answer = Json.object();
        answer.set("booking_days", byMonth(booking));
        answer.set("booking_dates", dateList(booking));
        answer.set("working_days", byMonth(working));
        answer.set("working_dates", dateList(working));
        return ApiResponse.json(200, Envelope.success(answer));
    }

    /** {@code /book_times/{company_id}/{staff_id}/{date}}: staff 0 is any master. */
    ApiResponse times(ApiCall call) {
        Company company = existingCompany(call);
        long staffId = call.pathId(1);
        LocalDate day = WireDates.parseDate(call.pathParams().get(2))
                .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter("date")));
        int length = times.length(company.id(), serviceIds(call));
        List<LocalDateTime> starts = staffId == 0 ? times.startsOfAnyone(company, day, length) : times.starts(company, staffId, day, length);
        ArrayNode list = Json.array();
        starts.forEach(start -> list.add(BookingWireFormat.time(start, length, company.zone())));
        return ApiResponse.json(200, Envelope.success(list));
    }

    /** 201 without a body when the appointments can be booked; otherwise the reference's 422 codes. */
    ApiResponse check(ApiCall call) {
        Company company = existingCompany(call);
        List<Requested> requested = appointments(call);
        data.atomically(() -> resolve(call, company, requested));
        return new ApiResponse(201, Map.of(), new byte[0]);
    }

    /** "Sends" the code: the test reads it from {@link BookingForms#sentCode}. 201 without a body, as the reference. */
    ApiResponse code(ApiCall call) {
        Company company = existingCompany(call);
        String phone = call.jsonBody().path("phone").asText("");
        if (!validPhone(phone)) {
            throw refusal(422, 431, call.language().invalidPhone(), null);
        }
        forms.send(company.id(), phone);
        return new ApiResponse(201, Map.of(), new byte[0]);
    }

    /** Books every appointment or none: the check and the inserts are one step, so a time is never sold twice. */
    ApiResponse record(ApiCall call) {
        Company company = existingCompany(call);
        JsonNode body = call.jsonBody();
        String phone = body.path("phone").asText("");
        String fullname = body.path("fullname").asText("").strip();
        if (!validPhone(phone)) {
            throw refusal(422, 431, call.language().invalidPhone(), null);
        }
        if (fullname.isEmpty()) {
            throw refusal(422, 435, call.language().nameMissing(), null);
        }
        if (forms.confirmsPhones(company.id()) && !forms.accepts(company.id(), phone, text(body.path("code")))) {
            throw refusal(422, 432, call.language().wrongCode(), null);
        }
        List<Requested> requested = appointments(call);
        String apiId = text(body.path("api_id"));
        String comment = text(body.path("comment"));
        ArrayNode booked = data.atomically(() -> {
            List<Resolved> resolved = resolve(call, company, requested);
            long clientId = data.clientForPhone(company.id(), fullname, phone, text(body.path("email")));
            Instant now = data.now();
            ArrayNode list = Json.array();
            for (Resolved appointment : resolved) {
                long recordId = data.insertRecord(company.id(), 0, clientId, appointment.staffId(), appointment.services(),
                        appointment.start(), now, true, comment, apiId);
                list.addObject().put("id", appointment.id()).put("record_id", recordId).put("record_hash", forms.hashFor(recordId));
            }
            return list;
        });
        booked.forEach(item -> webhooks.onlineBookingChanged(company.id(), item.path("record_id").asLong(), "create"));
        forms.spend(company.id(), phone);
        return ApiResponse.json(201, Envelope.success(booked));
    }

    /** The reference's own status for this read is 201. */
    ApiResponse userRecord(ApiCall call) {
        RecordView view = hashedRecord(call);
        RecordRules rules = forms.recordRules(view.company().id());
        return ApiResponse.json(201, Envelope.success(Json.array().add(BookingWireFormat.userRecord(view, rules))));
    }

    /** 403 once the company's rules no longer let the user cancel; a record cancelled already is cancelled again. */
    ApiResponse cancelUserRecord(ApiCall call) {
        data.atomically(() -> {
            RecordView view = hashedRecord(call);
            Appointment record = view.record();
            RecordRules rules = forms.recordRules(view.company().id());
            if (!record.deleted() && !rules.cancelOpen(startOf(view), data.now())) {
                throw ApiRefusal.failure(403, rules.allowDelete()
                        ? call.language().cancelTooLate(rules.deleteDelay()) : call.language().cancelNotAllowed());
            }
            data.cancel(view.company().id(), record.id());
            webhooks.onlineBookingChanged(view.company().id(), record.id(), "delete");
            return null;
        });
        return new ApiResponse(200, Map.of(), new byte[0]);
    }

    /**
     * {@code PUT /book_record/{company_id}/{record_id}}: the record to {@code datetime}, same master and services, and its
     * comment replaced when one came. Both tokens, as the reference's headers show; the reference's user is the one who
     * booked or the salon's, and as the simulator models no booking users, any user it knows may move any record. In
     * order: 401 without a user, 404 for no such company or record (or a cancelled one), 400 for a missing datetime, 403
     * when the company's rules do not allow the move (now), 433 when the master is not free then (the reference lists no
     * refusals for a move; this is book_record's). Moving a record to the start it has is fine, so a repeated move
     * answers as the first did.
     */
    ApiResponse reschedule(ApiCall call) {
        call.requireUser();
        Company company = existingCompany(call);
        long recordId = call.pathId(1);
        RecordView moved = data.atomically(() -> {
            RecordView view = data.recordView(company.id(), recordId).filter(v -> !v.record().deleted())
                    .orElseThrow(() -> ApiRefusal.failure(404, call.language().notFound()));
            JsonNode body = call.jsonBody();
            Instant at = WireDates.parseInstant(text(body.path("datetime")), company.zone())
                    .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter("datetime")));
            LocalDateTime start = LocalDateTime.ofInstant(at, company.zone());
            String comment = body.hasNonNull("comment") ? body.path("comment").asText() : null;
            RecordRules rules = forms.recordRules(company.id());
            if (!rules.moveOpen(startOf(view), data.now())) {
                throw ApiRefusal.failure(403, rules.allowChange()
                        ? call.language().moveTooLate(rules.changeDelay()) : call.language().moveNotAllowed());
            }
            if (!times.isFreeFor(company, view.record(), start)) {
                throw refusal(422, 433, call.language().timeTaken(view.staff().name(), view.staff().id(), start), null);
            }
            data.move(company.id(), recordId, start, comment);
            return data.recordView(company.id(), recordId).orElseThrow();
        });
        webhooks.onlineBookingChanged(company.id(), recordId, "update");
        return ApiResponse.json(200, Envelope.success(BookingWireFormat.rescheduled(moved)));
    }

    private static Instant startOf(RecordView view) {
        return view.record().start().atZone(view.company().zone()).toInstant();
    }

    // ---- the check shared by book_check and book_record ------------------------------------------------------------

    private record Requested(long id, List<Long> services, long staffId, LocalDateTime start) {
    }

    private record Resolved(long id, List<Long> services, long staffId, LocalDateTime start, int length) {
    }

    /** In request order: 438 for a service not listed, 436 for no master, 437 for two overlapping, 433 for a taken time. */
    private List<Resolved> resolve(ApiCall call, Company company, List<Requested> requested) {
        MessageLanguage lang = call.language();
        List<Long> listed = data.services(company.id()).stream().map(OfferedService::id).toList();
        List<StaffMember> masters = times.masters(company.id());
        List<Resolved> resolved = new ArrayList<>();
        for (Requested appointment : requested) {
            if (!listed.containsAll(appointment.services())) {
                throw refusal(422, 438, lang.serviceNotBookable(), null);
            }
            int length = times.length(company.id(), appointment.services());
            StaffMember master;
            if (appointment.staffId() == 0) {
                master = masters.stream().filter(m -> times.isFree(company, m.id(), appointment.start(), length)
                                && resolved.stream().noneMatch(r -> r.staffId() == m.id() && overlaps(r, appointment.start(), length)))
                        .findFirst().orElseThrow(() -> refusal(422, 436, lang.noStaffAvailable(), null));
            } else {
                // An unknown or fired master is refused like "no master available": the reference names no other code.
                master = masters.stream().filter(m -> m.id() == appointment.staffId()).findFirst()
                        .orElseThrow(() -> refusal(422, 436, lang.noStaffAvailable(), null));
            }
            if (resolved.stream().anyMatch(r -> r.staffId() == master.id() && overlaps(r, appointment.start(), length))) {
                throw refusal(422, 437, lang.appointmentsOverlap(), appointment.id());
            }
            if (!times.isFree(company, master.id(), appointment.start(), length)) {
                throw refusal(422, 433, lang.timeTaken(master.name(), master.id(), appointment.start()), appointment.id());
            }
            resolved.add(new Resolved(appointment.id(), appointment.services(), master.id(), appointment.start(), length));
        }
        return resolved;
    }

    private static boolean overlaps(Resolved earlier, LocalDateTime start, int length) {
        return earlier.start().isBefore(start.plusSeconds(length)) && start.isBefore(earlier.start().plusSeconds(earlier.length()));
    }

    private List<Requested> appointments(ApiCall call) {
        JsonNode list = call.jsonBody().path("appointments");
        if (!list.isArray() || list.isEmpty()) {
            throw ApiRefusal.failure(400, call.language().badRequestBody());
        }
        Company company = existingCompany(call);
        List<Requested> requested = new ArrayList<>();
        for (JsonNode item : list) {
            List<Long> services = new ArrayList<>();
            item.path("services").forEach(id -> services.add(id.asLong()));
            Instant at = WireDates.parseInstant(item.path("datetime").asText(""), company.zone())
                    .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter("datetime")));
            requested.add(new Requested(item.path("id").asLong(), List.copyOf(services), item.path("staff_id").asLong(),
                    LocalDateTime.ofInstant(at, company.zone())));
        }
        return requested;
    }

    private RecordView hashedRecord(ApiCall call) {
        long recordId = call.pathId(0);
        String hash = call.pathParams().get(1);
        return data.recordViewAnywhere(recordId).filter(view -> forms.hashMatches(recordId, hash))
                .orElseThrow(() -> ApiRefusal.failure(404, call.language().notFound()));
    }

    // ---- parameters ----------------------------------------------------------------------------------------------

    /** {@code service_ids[]=1&service_ids[]=2}, {@code service_ids[0]=1…} or {@code service_ids=1,2}. */
    private static List<Long> serviceIds(ApiCall call) {
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<String, String> entry : call.request().query().entrySet()) {
            Matcher key = SERVICE_ID_KEY.matcher(entry.getKey());
            if (!key.matches()) {
                continue;
            }
            for (String part : entry.getValue().split(",")) {
                if (part.strip().matches("\\d{1,18}")) {
                    ids.add(Long.parseLong(part.strip()));
                }
            }
        }
        return ids;
    }

    private static Optional<LocalDateTime> dateTime(ApiCall call, Company company) {
        return call.query("datetime").map(text -> WireDates.parseInstant(text, company.zone())
                .map(at -> LocalDateTime.ofInstant(at, company.zone()))
                .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter("datetime"))));
    }

    private Company existingCompany(ApiCall call) {
        return data.company(call.pathId(0)).orElseThrow(() -> ApiRefusal.failure(404, call.language().companyNotFound()));
    }

    private static boolean validPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() >= 10 && digits.length() <= 15 && phone.matches("[+\\d ()\\-]+");
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    private static List<Long> concat(List<Long> ids, long id) {
        List<Long> all = new ArrayList<>(ids);
        all.add(id);
        return all;
    }

    private static ApiRefusal refusal(int status, int code, String message, Long appointmentId) {
        return new ApiRefusal(ApiResponse.json(status, BookingWireFormat.refusal(code, message, appointmentId)));
    }

    private static ObjectNode byMonth(List<LocalDate> days) {
        TreeMap<Integer, List<LocalDate>> months = new TreeMap<>();
        days.forEach(day -> months.computeIfAbsent(day.getMonthValue(), m -> new ArrayList<>()).add(day));
        ObjectNode node = Json.object();
        months.forEach((month, inMonth) -> {
            ArrayNode list = node.putArray(Integer.toString(month));
            inMonth.forEach(day -> list.add(Integer.toString(day.getDayOfMonth())));
        });
        return node;
    }

    private static ArrayNode dateList(List<LocalDate> days) {
        ArrayNode list = Json.array();
        days.forEach(day -> list.add(day.toString()));
        return list;
    }
}

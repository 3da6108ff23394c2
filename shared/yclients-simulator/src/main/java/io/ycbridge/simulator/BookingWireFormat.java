package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.BiConsumer;

/** The online booking's answer shapes, as the reference's "Онлайн-запись" examples write them (kinds included). */
final class BookingWireFormat {
    private BookingWireFormat() {
    }

    /** {@code seance_length} only when the list was asked for one master, as the field table says. */
    static ObjectNode service(OfferedService service, boolean withLength) {
        ObjectNode node = Json.object();
        node.put("id", service.id());
        node.put("title", service.title());
        node.put("category_id", service.categoryId());
        node.set("price_min", WireFormat.money(service.price()));
        node.set("price_max", WireFormat.money(service.price()));
        node.put("discount", 0);
        node.put("comment", "");
        node.put("weight", service.weight());
        node.put("active", 1);
        node.put("sex", 0);
        node.put("image", "");
        // Online payment is not modelled: the reference's example value.
        node.put("prepaid", "forbidden");
        if (withLength) {
            node.put("seance_length", service.durationSeconds());
        }
        return node;
    }

    static ObjectNode category(ServiceCategory category) {
        ObjectNode node = Json.object();
        node.put("id", category.id());
        node.put("title", category.title());
        node.put("sex", 0);
        // A number here, where the catalog's categories write a string: the reference's example.
        node.put("api_id", 0);
        node.put("weight", category.weight());
        return node;
    }

    /** Numbers as strings, as the reference's example writes this list; {@code seance_date} only when bookable. */
    static ObjectNode staff(StaffMember member, LocalDate nearestDay) {
        ObjectNode node = Json.object();
        node.put("id", Long.toString(member.id()));
        node.put("name", member.name());
        node.put("bookable", nearestDay != null);
        node.put("specialization", member.specialization());
        // Positions are not modelled: PHP's empty array, as the reference's second master has it.
        node.putArray("position");
        node.put("show_rating", "1");
        node.put("rating", member.rating() == null ? "0" : member.rating().stripTrailingZeros().toPlainString());
        node.put("votes_count", "0");
        node.put("avatar", WireFormat.NO_AVATAR_BIG);
        node.put("comments_count", "0");
        node.put("weight", "0");
        node.put("information", "");
        if (nearestDay != null) {
            node.put("seance_date", nearestDay.toString());
        }
        node.putArray("seances");
        return node;
    }

    static ObjectNode time(LocalDateTime start, int length, ZoneId zone) {
        ObjectNode node = Json.object();
        node.put("time", String.format(Locale.ROOT, "%02d:%02d", start.getHour(), start.getMinute()));
        node.put("seance_length", length);
        node.put("datetime", WireDates.withColon(start, zone));
        return node;
    }

    /**
     * A booking refusal. The reference says the answer carries an error code (and, for 433 and 437, the
     * appointment's id) beside the status, but its example shows only {@code meta.message}; the simulator keeps that
     * shape and adds {@code errors: {code, message, id}}, one of the places the client looks (see its Envelope).
     */
    static ObjectNode refusal(int code, String message, Long appointmentId) {
        ObjectNode body = Envelope.failure(message);
        ObjectNode errors = body.putObject("errors");
        errors.put("code", code);
        errors.put("message", message);
        if (appointmentId != null) {
            errors.put("id", appointmentId);
        }
        return body;
    }

    /**
     * A record as "Записи пользователя" writes it: the company (with the company's {@link RecordRules}, delays in seconds)
     * and master embedded, {@code length}, ISO dates without a colon.
     */
    static ObjectNode userRecord(RecordView view, RecordRules rules) {
        Appointment record = view.record();
        Company company = view.company();
        ZoneId zone = company.zone();
        ObjectNode node = withServiceLines(record, (item, line) -> {
            item.set("price_min", WireFormat.money(line.firstCost()));
            item.set("price_max", WireFormat.money(line.firstCost()));
            item.set("discount", WireFormat.money(line.discount()));
            item.put("amount", line.amount());
            item.put("seance_length", record.seanceLength() / Math.max(1, record.services().size()));
        });
        ObjectNode place = node.putObject("company");
        place.put("id", company.id());
        place.put("title", company.title());
        place.put("country_id", company.countryId());
        place.put("country", company.country());
        place.put("city_id", 0);
        place.put("city", company.city());
        place.put("phone", company.phone());
        place.putArray("phones").add(company.phone());
        // Hours from UTC here, as this example writes it (a number), where the company answer names the zone.
        place.put("timezone", zone.getRules().getOffset(record.start()).getTotalSeconds() / 3600);
        place.put("address", "");
        place.put("coordinate_lat", 0.0);
        place.put("coordinate_lon", 0.0);
        place.put("allow_delete_record", rules.allowDelete());
        place.put("allow_change_record", rules.allowChange());
        place.put("site", "");
        place.put("currency_short_title", "₽");
        place.put("allow_change_record_delay_step", rules.changeDelay().toSeconds());
        place.put("allow_delete_record_delay_step", rules.deleteDelay().toSeconds());
        StaffMember member = view.staff();
        ObjectNode staff = node.putObject("staff");
        staff.put("id", member.id());
        staff.put("name", member.name());
        staff.put("specialization", member.specialization());
        staff.putObject("position").put("id", 0).put("title", member.specialization());
        staff.put("show_rating", 1);
        staff.set("rating", WireFormat.money(member.rating() == null ? java.math.BigDecimal.ZERO : member.rating()));
        staff.put("votes_count", 0);
        staff.put("avatar", WireFormat.NO_AVATAR_BIG);
        staff.put("comments_count", 0);
        node.put("clients_count", view.client() == null ? 0 : 1);
        node.put("date", WireDates.local(record.start()));
        node.put("datetime", WireDates.withoutColon(record.start().atZone(zone).toInstant(), zone));
        node.put("create_date", WireDates.withoutColon(record.created(), zone));
        node.put("comment", record.comment());
        node.put("deleted", record.deleted());
        node.put("attendance", record.attendance());
        putSeanceAttributes(node, record);
        node.put("last_change_date", WireDates.withoutColon(record.lastChange(), zone));
        node.put("prepaid", false);
        node.put("prepaid_confirmed", false);
        node.put("activity_id", 0);
        return node;
    }

    /**
     * A moved record as "Перенести запись на сеанс" answers it: fewer fields than a user's record, {@code date} its new
     * start in ISO without an offset, and the kinds of that example, which writes the company's and master's numbers as
     * strings and the master's specialization as {@code spec}.
     */
    static ObjectNode rescheduled(RecordView view) {
        Appointment record = view.record();
        Company company = view.company();
        ZoneId zone = company.zone();
        ObjectNode node = withServiceLines(record, (item, line) -> item.set("discount", WireFormat.money(line.discount())));
        ObjectNode place = node.putObject("company");
        place.put("id", company.id());
        place.put("title", company.title());
        place.put("country_id", Integer.toString(company.countryId()));
        place.put("country", company.country());
        place.put("city_id", "0");
        place.put("city", company.city());
        place.put("phone", company.phone());
        // Hours from UTC, as a string here.
        place.put("timezone", Integer.toString(zone.getRules().getOffset(record.start()).getTotalSeconds() / 3600));
        place.put("address", "");
        place.put("coordinate_lat", "0");
        place.put("coordinate_lon", "0");
        StaffMember member = view.staff();
        ObjectNode staff = node.putObject("staff");
        staff.put("id", member.id());
        staff.put("name", member.name());
        staff.put("spec", member.specialization());
        staff.put("show_rating", "1");
        staff.put("rating", member.rating() == null ? "0" : member.rating().stripTrailingZeros().toPlainString());
        staff.put("votes_count", "0");
        staff.put("avatar", WireFormat.NO_AVATAR_BIG);
        staff.put("comments_count", "0");
        node.put("date", WireDates.isoLocal(record.start()));
        node.put("create_date", WireDates.isoLocal(LocalDateTime.ofInstant(record.created(), zone)));
        node.put("comment", record.comment());
        node.put("deleted", record.deleted());
        putSeanceAttributes(node, record);
        return node;
    }

    /**
     * The attributes both answers about a booking user's record list alike ("Записи пользователя", "Перенести запись на
     * сеанс"): its length, the reminders (not modelled: none), whether a master was asked for (not modelled), online, api_id.
     */
    private static void putSeanceAttributes(ObjectNode node, Appointment record) {
        node.put("length", record.seanceLength());
        node.put("notify_by_sms", 0);
        node.put("notify_by_email", 0);
        node.put("master_requested", false);
        node.put("online", record.online());
        node.put("api_id", record.apiId());
    }

    /**
     * A booking user's view of a record begun: its id, then its services, each line's id, title and cost followed by
     * what the answer adds to a line ({@code more}).
     */
    private static ObjectNode withServiceLines(Appointment record, BiConsumer<ObjectNode, AppointmentService> more) {
        ObjectNode node = Json.object();
        node.put("id", record.id());
        ArrayNode services = node.putArray("services");
        for (AppointmentService line : record.services()) {
            ObjectNode item = services.addObject();
            item.put("id", line.id());
            item.put("title", line.title());
            item.set("cost", WireFormat.money(line.cost()));
            more.accept(item, line);
        }
        return node;
    }
}

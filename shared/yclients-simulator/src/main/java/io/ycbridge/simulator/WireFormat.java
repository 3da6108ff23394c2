package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows how entities look on the wire: the shapes and JSON kinds of the reference's examples
 * (the API Blueprint in mkosinov/yclientsapi; {@code SimulatorContractTest} in yclients-client holds each answer to
 * them), including their inconsistencies, which are kept on purpose so clients meet them here first: the services
 * list writes every number as a string ({@code "79067"}, {@code "1000.00"}, {@code "active": "1"}), the companies
 * list its ids, while categories, staff and records write numbers; {@code visit_id} is a string and {@code meta} of a
 * single answer is {@code []}. What the simulator does not model is written in the reference's kinds with neutral
 * values ({@code ""}, 0, {@code []}).
 */
final class WireFormat {
    static final String NO_AVATAR = "https://yclients.com/images/no-master-sm.png";
    static final String NO_AVATAR_BIG = "https://yclients.com/images/no-master.png";

    /** Whether an entity is written as part of a list answer or on its own. */
    enum Style { LIST, SINGLE }

    private WireFormat() {
    }

    static ObjectNode company(Company company, int activeStaffCount, boolean confirmsPhones, Style style) {
        ObjectNode node = Json.object();
        if (style == Style.LIST) {
            node.put("id", Long.toString(company.id()));
        } else {
            node.put("id", company.id());
        }
        node.put("title", company.title());
        if (style == Style.LIST) {
            node.put("short_descr", "");
            node.put("logo", NO_AVATAR_BIG);
            node.put("active", "1");
            node.put("phone", company.phone());
            node.put("schedule", "");
        }
        node.put("country_id", company.countryId());
        node.put("country", company.country());
        // Neither city ids nor addresses nor coordinates are modelled: the reference's kinds with neutral values.
        node.put("city_id", 0);
        node.put("city", company.city());
        // The reference writes the zone's name here; live answers were seen with hours, which clients also read.
        node.put("timezone", company.zone().getId());
        node.put("timezone_name", company.zone().getId());
        node.put("address", "");
        node.put("coordinate_lat", "0.000000");
        node.put("coordinate_lon", "0.000000");
        node.put("phone_confirmation", confirmsPhones);
        node.put("active_staff_count", activeStaffCount);
        if (style == Style.LIST) {
            node.put("app_ios", "");
            node.put("app_android", "");
            node.put("currency_short_title", "р");
        } else {
            node.put("phone", company.phone());
            node.put("active", 1);
        }
        node.put("group_priority", 0);
        if (style == Style.SINGLE) {
            node.put("push_notification_phone_confirm", 1);
        }
        return node;
    }

    static ObjectNode service(OfferedService service, List<StaffMember> staff, Style style) {
        ObjectNode node = Json.object();
        if (style == Style.LIST) {
            // The reference's list writes every number of a service as a string, its masters' too.
            node.put("id", Long.toString(service.id()));
            node.put("salon_service_id", Long.toString(service.id()));
            node.put("title", service.title());
            node.put("category_id", Long.toString(service.categoryId()));
            node.put("price_min", priceText(service.price()));
            node.put("price_max", priceText(service.price()));
            node.put("discount", "0");
            node.put("comment", "");
            node.put("weight", Integer.toString(service.weight()));
            node.put("active", "1");
        } else {
            node.put("id", service.id());
            node.put("salon_service_id", service.id());
            node.put("title", service.title());
            node.put("category_id", service.categoryId());
            node.set("price_min", money(service.price()));
            node.set("price_max", money(service.price()));
            node.put("discount", 0);
            node.put("comment", "");
            node.put("weight", service.weight());
            node.put("active", 1);
        }
        node.put("api_id", "");
        // Not in the reference's example, but in live answers (peers' models read it): the service's own length.
        node.put("duration", service.durationSeconds());
        ArrayNode performers = node.putArray("staff");
        for (StaffMember member : staff) {
            ObjectNode performer = performers.addObject();
            if (style == Style.LIST) {
                performer.put("id", Long.toString(member.id())).put("seance_length", Integer.toString(service.durationSeconds()));
            } else {
                performer.put("id", member.id()).put("seance_length", service.durationSeconds());
            }
        }
        return node;
    }

    static ObjectNode category(ServiceCategory category, List<StaffMember> staff) {
        ObjectNode node = Json.object();
        node.put("id", category.id());
        node.put("salon_service_id", category.id());
        node.put("title", category.title());
        node.put("weight", category.weight());
        node.put("api_id", "");
        ArrayNode ids = node.putArray("staff");
        staff.forEach(member -> ids.add(member.id()));
        return node;
    }

    static ObjectNode staff(StaffMember member) {
        ObjectNode node = Json.object();
        node.put("id", member.id());
        node.put("name", member.name());
        node.put("company_id", member.companyId());
        node.put("specialization", member.specialization());
        node.set("position", position(member));
        node.put("avatar", NO_AVATAR);
        node.put("avatar_big", NO_AVATAR_BIG);
        node.set("rating", money(member.rating()));
        node.put("fired", member.fired() ? 1 : 0);
        node.put("hidden", 0);
        node.put("bookable", !member.fired());
        node.put("status", 0);
        return node;
    }

    /** A client search hit with only the requested fields, as the search endpoint does. */
    static ObjectNode client(Client client, Collection<String> fields) {
        ObjectNode node = Json.object();
        for (String field : fields) {
            switch (field) {
                case "id" -> node.put("id", client.id());
                case "name" -> node.put("name", client.name());
                case "phone" -> node.put("phone", phone(client.phone()));
                case "email" -> node.put("email", client.email());
                default -> {
                    // Fields we do not model (discount, visits_count, ...) are left out rather than invented.
                }
            }
        }
        return node;
    }

    static JsonNode record(RecordView view, Style style) {
        Appointment record = view.record();
        ZoneId zone = view.company().zone();
        ObjectNode node = Json.object();
        node.put("id", record.id());
        node.put("company_id", record.companyId());
        node.put("staff_id", record.staffId());
        ArrayNode services = node.putArray("services");
        for (AppointmentService line : record.services()) {
            ObjectNode item = services.addObject();
            item.put("id", line.id());
            item.put("title", line.title());
            item.set("cost", money(line.cost()));
            item.set("cost_to_pay", money(record.paidFull() ? BigDecimal.ZERO : line.cost()));
            item.set("manual_cost", money(line.manualCost()));
            item.set("cost_per_unit", money(line.manualCost()));
            item.set("discount", money(line.discount()));
            item.set("first_cost", money(line.firstCost()));
            item.put("amount", line.amount());
        }
        node.putArray("goods_transactions");
        node.set("staff", recordStaff(view.staff()));
        node.set("client", recordClient(view.client()));
        if (style == Style.SINGLE) {
            node.put("clients_count", view.client() == null ? 0 : 1);
        }
        node.put("date", WireDates.local(record.start()));
        node.put("datetime", WireDates.withColon(record.start(), zone));
        node.put("create_date", WireDates.withoutColon(record.created(), zone));
        node.put("comment", record.comment());
        node.put("online", record.online());
        node.put("visit_attendance", record.attendance());
        node.put("attendance", record.attendance());
        node.put("confirmed", 1);
        node.put("seance_length", record.seanceLength());
        node.put("length", record.seanceLength());
        // Notifications, the booking's origin and who made it are not modelled: the reference's kinds, nothing sent.
        node.put("sms_before", 0);
        node.put("sms_now", 0);
        node.put("sms_now_text", "");
        node.put("email_now", 0);
        node.put("notified", 0);
        node.put("master_request", 0);
        node.put("api_id", record.apiId());
        node.put("from_url", "");
        node.put("review_requested", 0);
        // A string in the reference's list and single answers alike (and webhooks carry what a single answer does).
        node.put("visit_id", Long.toString(record.visitId()));
        node.put("created_user_id", 0);
        node.put("deleted", record.deleted());
        node.put("paid_full", record.paidFull() ? 1 : 0);
        // Guess: 0 not paid, 2 paid in full (1 would be a partial payment, which the simulator does not model).
        node.put("payment_status", record.paidFull() ? 2 : 0);
        node.put("prepaid", false);
        node.put("prepaid_confirmed", false);
        node.put("last_change_date", WireDates.withoutColon(record.lastChange(), zone));
        node.put("custom_color", "");
        node.put("custom_font_color", "");
        node.putArray("record_labels");
        node.put("activity_id", 0);
        // {} when there are none, as the reference writes it (live answers were seen with [], which clients also read).
        ObjectNode fields = node.putObject("custom_fields");
        record.customFields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> fields.put(e.getKey(), e.getValue()));
        node.putArray("documents");
        return node;
    }

    static ObjectNode hookSettings(HookSettings settings) {
        ObjectNode node = Json.object();
        ArrayNode urls = node.putArray("urls");
        settings.urls().forEach(urls::add);
        node.put("active", settings.active());
        settings.switches().forEach(node::put);
        return node;
    }

    /**
     * A phone as it was typed, always a string: the reference's tables say string and its examples write
     * {@code "+70001234567"} and {@code "70001234567"} (live answers were seen with a JSON number, which clients also read).
     */
    static String phone(String phone) {
        return phone == null ? "" : phone;
    }

    /** Money the way PHP floats print: 1500, 1234.5. */
    static JsonNode money(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return DecimalNode.valueOf(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    /** List answers' price strings: "1500.00". */
    static String priceText(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonNode recordStaff(StaffMember member) {
        if (member == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = Json.object();
        node.put("id", member.id());
        node.putNull("api_id");
        node.put("name", member.name());
        node.put("specialization", member.specialization());
        node.set("position", position(member));
        node.put("avatar", NO_AVATAR);
        node.put("avatar_big", NO_AVATAR_BIG);
        node.set("rating", money(member.rating()));
        node.put("votes_count", 0);
        return node;
    }

    /** Positions are not modelled: every master holds one, named for the specialization. */
    private static ObjectNode position(StaffMember member) {
        return Json.object().put("id", 1).put("title", member.specialization());
    }

    private static JsonNode recordClient(Client client) {
        if (client == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = Json.object();
        node.put("id", client.id());
        node.put("name", client.name());
        node.put("phone", phone(client.phone()));
        node.put("card", "");
        node.put("email", client.email());
        return node;
    }
}

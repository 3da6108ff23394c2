package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows how entities look on the wire, including the API's inconsistencies, which are kept
 * on purpose so clients meet them here first: list answers carry some numbers as strings ({@code "1500.00"},
 * {@code "active": "1"}, company ids) where single-item answers carry numbers, and {@code visit_id} is a string
 * in record lists but a number in single-record answers and webhooks.
 */
final class WireFormat {
    static final String NO_AVATAR = "https://yclients.com/images/no-master-sm.png";
    static final String NO_AVATAR_BIG = "https://yclients.com/images/no-master.png";

    /** Whether an entity is written as part of a list answer or on its own. */
    enum Style { LIST, SINGLE }

    private WireFormat() {
    }

    static ObjectNode company(Company company, Instant now, Style style) {
        ObjectNode node = Json.object();
        if (style == Style.LIST) {
            node.put("id", Long.toString(company.id()));
        } else {
            node.put("id", company.id());
        }
        node.put("title", company.title());
        node.set("timezone", offsetHours(company.zone(), now));
        node.put("timezone_name", company.zone().getId());
        node.put("country_id", company.countryId());
        node.put("country", company.country());
        node.put("city", company.city());
        node.put("phone", company.phone());
        if (style == Style.LIST) {
            node.put("active", "1");
        } else {
            node.put("active", 1);
        }
        return node;
    }

    static ObjectNode service(OfferedService service, List<StaffMember> staff, Style style) {
        ObjectNode node = Json.object();
        node.put("id", service.id());
        node.put("title", service.title());
        node.put("category_id", service.categoryId());
        if (style == Style.LIST) {
            node.put("price_min", priceText(service.price()));
            node.put("price_max", priceText(service.price()));
        } else {
            node.set("price_min", money(service.price()));
            node.set("price_max", money(service.price()));
        }
        node.put("duration", service.durationSeconds());
        if (style == Style.LIST) {
            node.put("active", "1");
        } else {
            node.put("active", 1);
        }
        node.put("weight", service.weight());
        node.put("comment", "");
        node.put("api_id", "");
        ArrayNode performers = node.putArray("staff");
        for (StaffMember member : staff) {
            performers.addObject().put("id", member.id()).put("seance_length", service.durationSeconds());
        }
        return node;
    }

    static ObjectNode category(ServiceCategory category, List<StaffMember> staff) {
        ObjectNode node = Json.object();
        node.put("id", category.id());
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
                case "phone" -> node.set("phone", phone(client.phone()));
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
        node.set("staff", recordStaff(view.staff()));
        node.set("client", recordClient(view.client()));
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
        if (style == Style.LIST) {
            node.put("visit_id", Long.toString(record.visitId()));
        } else {
            node.put("visit_id", record.visitId());
        }
        node.put("deleted", record.deleted());
        node.put("paid_full", record.paidFull() ? 1 : 0);
        // Guess: 0 not paid, 2 paid in full (1 would be a partial payment, which the simulator does not model).
        node.put("payment_status", record.paidFull() ? 2 : 0);
        node.put("prepaid", false);
        node.put("last_change_date", WireDates.withoutColon(record.lastChange(), zone));
        if (record.customFields().isEmpty()) {
            node.putArray("custom_fields");
        } else {
            ObjectNode fields = node.putObject("custom_fields");
            record.customFields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> fields.put(e.getKey(), e.getValue()));
        }
        node.putArray("record_labels");
        node.put("api_id", "");
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

    /** A phone of bare digits comes as a JSON number ({@code 70001234567}); any other notation as it was typed. */
    static JsonNode phone(String phone) {
        if (phone != null && phone.matches("\\d{1,18}")) {
            return LongNode.valueOf(Long.parseLong(phone));
        }
        return TextNode.valueOf(phone == null ? "" : phone);
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
        node.put("name", member.name());
        node.put("specialization", member.specialization());
        node.put("avatar", NO_AVATAR);
        node.put("avatar_big", NO_AVATAR_BIG);
        node.set("rating", money(member.rating()));
        return node;
    }

    private static JsonNode recordClient(Client client) {
        if (client == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = Json.object();
        node.put("id", client.id());
        node.put("name", client.name());
        node.set("phone", phone(client.phone()));
        node.put("email", client.email());
        return node;
    }

    /** The company's {@code timezone}: whole hours as an integer, a fractional offset (India) as a decimal. */
    private static JsonNode offsetHours(ZoneId zone, Instant now) {
        int seconds = zone.getRules().getOffset(now).getTotalSeconds();
        if (seconds % 3600 == 0) {
            return LongNode.valueOf(seconds / 3600);
        }
        return DecimalNode.valueOf(BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
    }
}

package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code POST /company/{id}/clients/search}. As documented, only the requested {@code fields} come back and the
 * default is {@code ["id"]} alone; {@code quick_search} matches phone digits or the name, {@code id} matches ids,
 * other documented filter types are accepted and ignored.
 */
final class ClientSearchEndpoint implements Endpoint {
    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 200;

    private final SimulatorData data;

    ClientSearchEndpoint(SimulatorData data) {
        this.data = data;
    }

    @Override
    public ApiResponse handle(ApiCall call) {
        long companyId = call.pathId(0);
        if (data.company(companyId).isEmpty()) {
            throw ApiRefusal.failure(404, call.language().companyNotFound());
        }
        JsonNode body = call.jsonBody();
        int page = Math.max(1, body.path("page").asInt(1));
        int pageSize = Math.min(MAX_PAGE_SIZE, body.path("page_size").asInt(DEFAULT_PAGE_SIZE));
        if (pageSize <= 0) {
            pageSize = DEFAULT_PAGE_SIZE;
        }
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(field -> fields.add(field.asText()));
        if (fields.isEmpty()) {
            fields.add("id");
        }
        boolean any = "OR".equalsIgnoreCase(body.path("operation").asText("AND"));
        List<Predicate<Client>> filters = new ArrayList<>();
        for (JsonNode filter : body.path("filters")) {
            filters.add(filter(filter, call.language()));
        }
        Predicate<Client> wanted = filters.isEmpty() ? c -> true
                : filters.stream().reduce(any ? Predicate::or : Predicate::and).orElseThrow();
        List<Client> found = data.clients(companyId).stream().filter(wanted).sorted(order(body)).toList();
        int from = (int) Math.min((long) (page - 1) * pageSize, found.size());
        int to = Math.min(from + pageSize, found.size());
        ArrayNode list = Json.array();
        found.subList(from, to).forEach(c -> list.add(WireFormat.client(c, fields)));
        return ApiResponse.json(200, Envelope.success(list, Json.object().put("total_count", found.size())));
    }

    private static Predicate<Client> filter(JsonNode filter, MessageLanguage language) {
        String type = filter.path("type").asText("");
        JsonNode state = filter.path("state");
        boolean invert = state.path("invert").asBoolean(false);
        Predicate<Client> test = switch (type) {
            case "quick_search" -> {
                JsonNode value = state.path("value");
                if (!value.isTextual() && !value.isNumber()) {
                    throw badFilter(language);
                }
                yield quickSearch(value.asText());
            }
            case "id" -> {
                Set<Long> ids = new HashSet<>();
                state.path("value").forEach(id -> ids.add(id.asLong()));
                yield c -> ids.contains(c.id());
            }
            case "" -> throw badFilter(language);
            default -> c -> true;
        };
        return invert ? test.negate() : test;
    }

    /** Phone digits anywhere in the client's phone digits, or the text anywhere in the name. */
    private static Predicate<Client> quickSearch(String value) {
        String digits = value.replaceAll("\\D", "");
        String text = value.strip().toLowerCase(Locale.ROOT);
        return c -> (!digits.isEmpty() && c.phoneDigits().contains(digits))
                || (!text.isEmpty() && c.name().toLowerCase(Locale.ROOT).contains(text));
    }

    private static Comparator<Client> order(JsonNode body) {
        Comparator<Client> byField = switch (body.path("order_by").asText("id")) {
            case "name" -> Comparator.comparing(Client::name);
            case "phone" -> Comparator.comparing(Client::phoneDigits);
            case "email" -> Comparator.comparing(Client::email);
            default -> Comparator.comparingLong(Client::id);
        };
        Comparator<Client> stable = byField.thenComparingLong(Client::id);
        return "DESC".equalsIgnoreCase(body.path("order_by_direction").asText("ASC")) ? stable.reversed() : stable;
    }

    private static ApiRefusal badFilter(MessageLanguage language) {
        return ApiRefusal.failure(400, language.badFilter());
    }
}

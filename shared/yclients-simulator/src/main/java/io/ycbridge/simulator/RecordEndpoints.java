package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /records/{company_id}} (the change feed) and {@code GET /record/{company_id}/{record_id}}. */
final class RecordEndpoints {
    static final int DEFAULT_COUNT = 25;
    /** The real maximum is undocumented; larger values are clamped here rather than refused. */
    static final int MAX_COUNT = 200;

    private final SimulatorData data;

    RecordEndpoints(SimulatorData data) {
        this.data = data;
    }

    /**
     * One page in id order. {@code meta.total_count} is deliberately wrong whenever the answer spans more than one
     * page (one page too low), because the real one cannot be trusted to stop paging: stop on a short page.
     */
    ApiResponse list(ApiCall call) {
        Company company = existingCompany(call);
        ZoneId zone = company.zone();
        RecordFilter filter = new RecordFilter(date(call, "start_date"), date(call, "end_date"),
                date(call, "c_start_date"), date(call, "c_end_date"),
                instant(call, "changed_after", zone), instant(call, "changed_before", zone),
                call.longParam("staff_id").orElse(null), call.longParam("client_id").orElse(null),
                call.flag("with_deleted"));
        int page = call.positiveInt("page", 1);
        int count = Math.min(call.positiveInt("count", DEFAULT_COUNT), MAX_COUNT);
        List<RecordView> all = data.records(company.id(), filter);
        long offset = (long) (page - 1) * count;
        int from = (int) Math.min(offset, all.size());
        int to = Math.min(from + count, all.size());
        List<RecordView> items = new ArrayList<>(all.subList(from, to));
        if (call.repeatPreviousPageItem() && offset > 0 && offset <= all.size()) {
            items.addFirst(all.get((int) offset - 1));
        }
        boolean withTransactions = call.flag("include_finance_transactions");
        ArrayNode list = Json.array();
        items.forEach(view -> list.add(render(view, WireFormat.Style.LIST, withTransactions)));
        ObjectNode meta = Json.object();
        meta.put("page", page);
        meta.put("total_count", all.size() > count ? all.size() - count : all.size());
        return ApiResponse.json(200, Envelope.success(list, meta));
    }

    /** A cancelled record is still returned, with {@code deleted: true}: a webhook's read-back must find it. */
    ApiResponse single(ApiCall call) {
        Company company = existingCompany(call);
        RecordView view = data.recordView(company.id(), call.pathId(1))
                .orElseThrow(() -> ApiRefusal.failure(404, call.language().notFound()));
        return ApiResponse.json(200, Envelope.success(
                render(view, WireFormat.Style.SINGLE, call.flag("include_finance_transactions"))));
    }

    private static JsonNode render(RecordView view, WireFormat.Style style, boolean withTransactions) {
        JsonNode node = WireFormat.record(view, style);
        if (withTransactions) {
            // Payments are not modelled; the field is present because the flag asks for it.
            ((ObjectNode) node).putArray("finance_transactions");
        }
        return node;
    }

    private Company existingCompany(ApiCall call) {
        return data.company(call.pathId(0))
                .orElseThrow(() -> ApiRefusal.failure(404, call.language().companyNotFound()));
    }

    private static LocalDate date(ApiCall call, String name) {
        return call.query(name).map(text -> WireDates.parseDate(text)
                        .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter(name))))
                .orElse(null);
    }

    private static Instant instant(ApiCall call, String name, ZoneId zone) {
        return call.query(name).map(text -> WireDates.parseInstant(text, zone)
                        .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter(name))))
                .orElse(null);
    }
}

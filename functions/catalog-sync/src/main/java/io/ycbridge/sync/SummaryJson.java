package io.ycbridge.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.KindCounts;

/**
 * A sync's result as JSON: per company and kind, in the words of the summary line operators read. The local stack's
 * {@code POST /local/sync} answers with it; the deployed function answers its queue with batch item failures only.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static ObjectNode of(SyncSummary summary) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("apiRequests", summary.apiRequests());
        node.put("writes", summary.writes());
        node.put("durationMs", summary.durationMs());
        ArrayNode companies = node.putArray("companies");
        summary.companies().forEach(company -> companies.add(of(company)));
        return node;
    }

    public static ObjectNode of(CompanySync company) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("companyId", company.companyId());
        node.put("outcome", company.outcome().name());
        if (!company.catalog().isEmpty()) {
            ObjectNode catalog = node.putObject("catalog");
            for (CatalogKind kind : CatalogKind.values()) {
                KindCounts counts = company.catalog(kind);
                catalog.putObject(kind.key()).put("created", counts.created()).put("updated", counts.updated())
                        .put("deleted", counts.deleted()).put("unchanged", counts.unchanged());
            }
        }
        RecordCounts records = company.records();
        ObjectNode recordsNode = node.putObject("records").put("fetched", records.fetched()).put("stored", records.stored())
                .put("created", records.created()).put("updated", records.updated()).put("unchanged", records.unchanged())
                .put("rejected", records.rejected());
        RecordCounts.Rereads rereads = records.rereads();
        recordsNode.putObject("rereads").put("read", rereads.read()).put("notFound", rereads.notFound()).put("failed", rereads.failed())
                .put("left", rereads.left());
        node.put("apiRequests", company.apiRequests());
        node.put("durationMs", company.durationMs());
        if (company.cursor() != null) {
            node.put("cursor", company.cursor().toString());
        }
        if (company.error() != null) {
            node.put("error", company.error());
        }
        return node;
    }
}

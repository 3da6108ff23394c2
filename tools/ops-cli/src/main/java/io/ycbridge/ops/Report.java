package io.ycbridge.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The doctor's checklist as text (✅/❌ lines, details indented, "fix:" lines) or as one JSON object. */
final class Report {
    private Report() {
    }

    static int exitCode(List<Check> checks) {
        return checks.stream().anyMatch(c -> c.status() == Check.Status.FAIL) ? 1 : 0;
    }

    static String text(String origin, List<Check> checks) {
        StringBuilder out = new StringBuilder("ycbridge doctor — configuration from ").append(origin).append('\n');
        for (Check check : checks) {
            out.append(check.status().mark).append(' ').append(check.title()).append('\n');
            for (String detail : check.details()) {
                out.append("   ").append(detail).append('\n');
            }
            if (check.fix() != null && check.status() != Check.Status.OK) {
                out.append("   fix: ").append(check.fix()).append('\n');
            }
        }
        long failed = checks.stream().filter(c -> c.status() == Check.Status.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == Check.Status.WARN).count();
        out.append(failed == 0 ? "All checks passed" : failed + " of " + checks.size() + " checks failed")
                .append(warned == 0 ? "" : " (" + warned + " warning" + (warned == 1 ? "" : "s") + ")").append('\n');
        return out.toString();
    }

    static String json(String origin, List<Check> checks) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("ok", exitCode(checks) == 0);
        root.put("exitCode", exitCode(checks));
        root.put("configuration", origin);
        ArrayNode list = root.putArray("checks");
        for (Check check : checks) {
            ObjectNode node = list.addObject();
            node.put("id", check.id());
            node.put("status", check.status().name());
            node.put("title", check.title());
            ArrayNode details = node.putArray("details");
            check.details().forEach(details::add);
            if (check.fix() != null && check.status() != Check.Status.OK) {
                node.put("fix", check.fix());
            }
        }
        return root.toPrettyString() + "\n";
    }
}

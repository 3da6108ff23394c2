package io.ycbridge.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A company's webhook settings in the shape YClients documents for {@code /hooks_settings/{company_id}}: a list
 * of URLs, {@code active} and one 0/1 switch per resource.
 */
record HookSettings(List<String> urls, int active, Map<String, Integer> switches) {
    /** The switches the published API description lists, in its order. */
    static final List<String> SWITCHES = List.of("salon", "service_category", "service", "good", "master", "client",
            "record", "goods_operations_sale", "goods_operations_receipt", "goods_operations_consumable",
            "goods_operations_stolen", "goods_operations_move", "finances_operation");

    HookSettings {
        urls = List.copyOf(urls);
        switches = Collections.unmodifiableMap(new LinkedHashMap<>(switches));
    }

    static HookSettings none() {
        Map<String, Integer> off = new LinkedHashMap<>();
        SWITCHES.forEach(name -> off.put(name, 0));
        return new HookSettings(List.of(), 0, off);
    }

    boolean delivers(String resource) {
        return active == 1 && switches.getOrDefault(resource, 0) == 1;
    }
}

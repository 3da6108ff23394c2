package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/POST /hooks_settings/{company_id}} in the documented shape ({@code urls} list, 0/1 switches). A POST
 * must carry {@code urls} and {@code active}, as documented; omitted switches keep their stored value. Switches
 * written as booleans or "1" are read as 0/1, as PHP would.
 */
final class HookSettingsEndpoints {
    private final SimulatorData data;

    HookSettingsEndpoints(SimulatorData data) {
        this.data = data;
    }

    ApiResponse read(ApiCall call) {
        HookSettings settings = data.hookSettings(call.pathId(0))
                .orElseThrow(() -> ApiRefusal.failure(404, call.language().companyNotFound()));
        return ApiResponse.json(200, Envelope.success(WireFormat.hookSettings(settings)));
    }

    ApiResponse write(ApiCall call) {
        long companyId = call.pathId(0);
        HookSettings current = data.hookSettings(companyId)
                .orElseThrow(() -> ApiRefusal.failure(404, call.language().companyNotFound()));
        JsonNode body = call.jsonBody();
        JsonNode urlsNode = body.path("urls");
        if (!urlsNode.isArray() || !body.has("active")) {
            // Guess at the status and text: the documented contract only says both fields are required.
            throw ApiRefusal.failure(422, call.language().hookUrlsRequired());
        }
        List<String> urls = new ArrayList<>();
        urlsNode.forEach(url -> urls.add(url.asText()));
        Map<String, Integer> switches = new LinkedHashMap<>(current.switches());
        for (String name : HookSettings.SWITCHES) {
            if (body.has(name)) {
                switches.put(name, zeroOrOne(body.get(name)));
            }
        }
        HookSettings updated = new HookSettings(urls, zeroOrOne(body.get("active")), switches);
        data.storeHookSettings(companyId, updated);
        // 201, as the reference answers this POST.
        return ApiResponse.json(201, Envelope.success(WireFormat.hookSettings(updated)));
    }

    private static int zeroOrOne(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? 1 : 0;
        }
        return value.asInt(0) != 0 ? 1 : 0;
    }
}

package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes come from template.yaml and match as API Gateway matches them. */
class LocalRouteTableTest {

    @Test
    void everyTemplateRouteIsServedWithItsAuthorizer() {
        SamTemplate template = SamTemplate.read(SamTemplate.locate(Path.of("")));
        RouteTable<SamTemplate.HttpRoute> routes = new RouteTable<>();
        template.httpRoutes().forEach(route -> routes.add(route.method(), route.path(), route));

        var webhook = routes.match("POST", "/v1/yclients/webhook/abc").orElseThrow();
        assertEquals("POST /v1/yclients/webhook/{token}", webhook.routeKey());
        assertEquals(Map.of("token", "abc"), webhook.pathParameters());
        assertEquals(false, webhook.target().authorized());
        assertTrue(routes.match("GET", "/v1/me/bonus").orElseThrow().target().authorized());
        assertTrue(routes.match("PUT", "/v1/me/profile").isPresent());
        assertTrue(routes.match("GET", "/v1/yclients/webhook/abc").isEmpty());
        assertTrue(routes.match("POST", "/v1/yclients/webhook/").isEmpty());
    }

    @Test
    void environmentResolvesTablesToLogicalIdsAndParametersToDefaults() {
        Map<String, String> environment = SamTemplate.read(SamTemplate.locate(Path.of(""))).environment();
        assertEquals("RecordsTable", environment.get("RECORDS_TABLE"));
        assertEquals("5", environment.get("BONUS_PERCENT"));
        assertTrue(!environment.containsKey("SYNC_QUEUE_URL") && !environment.containsKey("YCLIENTS_SECRET_ARN"));
    }

    @Test
    void repeatedQueryParametersAreJoinedWithCommasLikePayloadTwo() {
        assertEquals(Map.of("service", "301,302", "company", "235564"), HttpApiPayload.query("service=301&company=235564&service=302"));
        assertEquals(null, HttpApiPayload.query(""));
    }
}

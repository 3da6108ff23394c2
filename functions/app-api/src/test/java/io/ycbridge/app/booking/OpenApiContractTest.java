package io.ycbridge.app.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ycbridge.app.catalog.CatalogHandler;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * openapi.yaml, {@link ApiRoute} and the handlers agree: the same routes, methods, query parameters and status sets;
 * every event file of an app route names a declared route; and every booking-link and catalog event, run through its handler,
 * answers a status the file declares for that route. (bonus-accrual's handler tests assert their statuses against
 * {@link ApiRoute}, which this test holds to the file.)
 */
@ExtendWith(LocalDynamoDbExtension.class)
class OpenApiContractTest {
    private static final Path ROOT = Path.of("../..");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final List<String> APP_EVENT_FOLDERS = List.of("booking-link", "catalog", "profile", "bonus-balance",
            "phone-verification", "online-booking", "visits", "devices");
    private static JsonNode openApi;

    @BeforeAll
    static void read() throws IOException {
        openApi = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(ROOT.resolve("openapi.yaml")));
    }

    @Test
    void isOpenApi31() {
        assertTrue(openApi.path("openapi").asText().startsWith("3.1."), openApi.path("openapi").asText());
        assertEquals("bearer", openApi.path("components").path("securitySchemes").path("jwt").path("scheme").asText());
    }

    @Test
    void declaresExactlyTheHandlersRoutes() {
        Set<String> inFile = new TreeSet<>();
        openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                inFile.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> inCode = Stream.of(ApiRoute.values()).map(ApiRoute::routeKey).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(inCode, inFile);
    }

    @Test
    void everyRouteHasTheHandlersParametersAndStatuses() {
        List<String> problems = new ArrayList<>();
        for (ApiRoute route : ApiRoute.values()) {
            JsonNode operation = operation(route);
            Set<String> query = new TreeSet<>();
            operation.path("parameters").forEach(reference -> {
                JsonNode parameter = resolved(reference);
                if (parameter.path("in").asText().equals("query")) {
                    query.add(parameter.path("name").asText());
                }
            });
            if (!query.equals(new TreeSet<>(route.queryParameters()))) {
                problems.add(route.routeKey() + ": query parameters " + query + " in the file, " + route.queryParameters() + " in code");
            }
            if (!statuses(route).equals(new TreeSet<>(route.statuses()))) {
                problems.add(route.routeKey() + ": statuses " + statuses(route) + " in the file, " + new TreeSet<>(route.statuses()) + " in code");
            }
            boolean sendsBody = route.method().equals("PUT") || route.method().equals("POST");
            if (sendsBody != operation.has("requestBody")) {
                problems.add(route.routeKey() + ": a PUT or POST has a request body, a GET or DELETE none");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyAppEventNamesADeclaredRoute() throws IOException {
        Set<String> declared = Stream.of(ApiRoute.values()).map(ApiRoute::routeKey).collect(Collectors.toSet());
        int files = 0;
        for (String folder : APP_EVENT_FOLDERS) {
            try (Stream<Path> events = Files.list(ROOT.resolve("events").resolve(folder))) {
                for (Path file : events.filter(f -> f.toString().endsWith(".json")).toList()) {
                    JsonNode event = new ObjectMapper().readTree(file.toFile());
                    String routeKey = Invocations.http(file.toString()).routeKey();
                    assertTrue(declared.contains(routeKey), file + " names " + routeKey);
                    String path = routeKey.substring(routeKey.indexOf(' ') + 1);
                    assertEquals(routeKey.substring(0, routeKey.indexOf(' ')), event.path("requestContext").path("http").path("method").asText(),
                            file.toString());
                    assertTrue(event.path("rawPath").asText().matches(path.replaceAll("\\{[a-z]+}", "[^/]+")), file.toString());
                    files++;
                }
            }
        }
        assertTrue(files >= 20, "found the event folders");
    }

    @Test
    void theBookingLinkAndCatalogHandlersAnswerOnlyDeclaredStatuses(DynamoDbClient client) throws IOException {
        check("booking-link", ApiRoute.BOOKING_URL, new BookingLinkHandler(DemoCatalog.service(client)));
        check("catalog", ApiRoute.CATALOG, new CatalogHandler(DemoCatalog.SERVED, DemoCatalog.reader(client)));
    }

    @Test
    void theOnlineBookingAndVisitsHandlersAnswerOnlyDeclaredStatuses(DynamoDbClient client) throws IOException {
        try (BookingWorld world = new BookingWorld(client)) {
            HttpRouteHandler booking = world.handler();
            HttpRouteHandler visits = new io.ycbridge.app.visits.VisitsHandler(world.visits());
            for (String folder : List.of("online-booking", "visits")) {
                try (Stream<Path> events = Files.list(ROOT.resolve("events").resolve(folder))) {
                    for (Path file : events.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        HttpRequest request = Invocations.http(file.toString());
                        ApiRoute route = Stream.of(ApiRoute.values()).filter(r -> r.routeKey().equals(request.routeKey())).findFirst().orElseThrow();
                        int status = (folder.equals("visits") ? visits : booking).handle(request, null).status();
                        assertTrue(statuses(route).contains(status), file + " answered " + status + ", the file declares " + statuses(route));
                    }
                }
            }
        }
    }

    private static void check(String folder, ApiRoute route, HttpRouteHandler handler)
            throws IOException {
        Set<Integer> declared = statuses(route);
        Set<Integer> seen = new TreeSet<>();
        try (Stream<Path> events = Files.list(ROOT.resolve("events").resolve(folder))) {
            for (Path file : events.filter(f -> f.toString().endsWith(".json")).toList()) {
                int status = handler.handle(Invocations.http(file.toString()), null).status();
                assertTrue(declared.contains(status), file + " answered " + status + ", the file declares " + declared);
                seen.add(status);
            }
        }
        assertFalse(seen.isEmpty());
    }

    /** A {@code $ref} to {@code #/components/...}, or the node itself. */
    private static JsonNode resolved(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = openApi;
        for (String part : node.path("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        assertFalse(target.isMissingNode(), "unresolved " + node.path("$ref").asText());
        return target;
    }

    private static JsonNode operation(ApiRoute route) {
        return openApi.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
    }

    private static Set<Integer> statuses(ApiRoute route) {
        Set<Integer> statuses = new TreeSet<>();
        operation(route).path("responses").properties().forEach(response -> statuses.add(Integer.parseInt(response.getKey())));
        return statuses;
    }
}

package io.ycbridge.app.devices;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.app.RequestBody;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.LiveSettings;
import io.ycbridge.aws.TransientAwsFailure;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.push.Device;
import io.ycbridge.push.Platform;
import io.ycbridge.push.PushSettings;
import io.ycbridge.push.PushStore;
import io.ycbridge.push.PushUnavailableException;
import io.ycbridge.push.SnsEndpoints;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code PUT /v1/me/devices} (register the app's FCM or APNs token for pushes; the same token again is the same
 * device) and {@code DELETE /v1/me/devices/{id}}, behind the JWT authorizer. Needs PUSH_TABLE and the platform
 * applications' ARNs (FCM_PLATFORM_APPLICATION_ARN, APNS_PLATFORM_APPLICATION_ARN). The token is never logged.
 */
public final class DevicesHandler extends HttpRouteHandler {
    /** FCM tokens run to about 160 characters and APNs to 64 hex digits; 4 KiB leaves room and bounds the request. */
    private static final Pattern TOKEN = Pattern.compile("[!-~]{1,4096}");
    private static final Map<String, String> RETRY_AFTER = Map.of("retry-after", "2");
    private final Supplier<DeviceRegistration> registration;

    public DevicesHandler() {
        this(LiveSettings.fromEnvironment());
    }

    public DevicesHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public DevicesHandler(LiveSettings settings) {
        this.registration = settings.bind(DevicesHandler::fromConfig);
    }

    public DevicesHandler(DeviceRegistration registration) {
        this.registration = () -> registration;
    }

    /** The registration as deployed; DELETE /v1/me forgets the user's devices with it too. */
    public static DeviceRegistration fromConfig(Config config) {
        AwsClients aws = AwsClients.from(config);
        Clock clock = Clock.systemUTC();
        return new DeviceRegistration(PushSettings.from(config), new PushStore(aws.dynamoDb(), config.require(EnvVar.PUSH_TABLE), ApiJson.mapper()),
                SnsEndpoints.to(aws.settings(), aws.http()), clock, new DecisionLog("devices", LogSink.STDOUT, clock));
    }

    /** What the app is told of its device: never the token, nor the endpoint's ARN. */
    record Registered(String id, String platform, String locale, boolean enabled) {
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String user = request.subject();
        if (user == null) {
            return HttpResponse.error(401, "no user: the request carries no token subject");
        }
        try {
            return switch (request.routeKey()) {
                case "PUT /v1/me/devices" -> register(user, RequestBody.object(request.bodyBytes()));
                case "DELETE /v1/me/devices/{id}" -> {
                    registration.get().remove(user, request.pathParameters().getOrDefault("id", ""));
                    yield HttpResponse.noContent();
                }
                default -> HttpResponse.error(404, "no route " + request.routeKey() + " here");
            };
        } catch (RequestRefused refused) {
            return refused.answer();
        } catch (PushUnavailableException unavailable) {
            return HttpResponse.error(503, "the push service is unavailable; try again shortly", RETRY_AFTER);
        } catch (RuntimeException failure) {
            if (TransientAwsFailure.test(failure)) {
                return HttpResponse.error(503, "busy; try again shortly", RETRY_AFTER);
            }
            throw failure;
        }
    }

    private HttpResponse register(String user, JsonNode body) {
        Platform platform = Platform.of(body.path("platform").asText("")).orElseThrow(() ->
                new RequestRefused(400, "platform must be fcm or apns"));
        JsonNode token = body.path("token");
        if (!token.isTextual() || !TOKEN.matcher(token.asText()).matches()) {
            throw new RequestRefused(400, "token must be the push service's device token: 1 to 4096 printable characters, no spaces");
        }
        String locale = null;
        if (body.hasNonNull("locale")) {
            locale = body.path("locale").asText("").toLowerCase(Locale.ROOT);
            if (!PushSettings.LOCALES.contains(locale)) {
                throw new RequestRefused(400, "locale must be ru or en");
            }
        }
        Device device = registration.get().register(user, platform, token.asText(), locale);
        return HttpResponse.json(200, new Registered(device.id(), device.platform().wire(), device.locale(), device.enabled()));
    }
}

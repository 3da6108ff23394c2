package io.ycbridge.app.verification;

import io.ycbridge.aws.LiveSettings;
import java.util.function.Supplier;
import static io.ycbridge.edge.HttpResponse.error;
import static io.ycbridge.edge.HttpResponse.json;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.TransientAwsFailure;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /v1/me/phone/verification} {@code {"phone"}} texts a code to the phone; {@code PUT} the same path
 * {@code {"phone", "code"}} proves it. Both behind the JWT authorizer: the user is the token's subject. One function
 * for the route family because both need the same table and only this one may send SMS (sns:Publish).
 */
public final class PhoneVerificationHandler extends HttpRouteHandler {
    /** The route that texts a code; the other one (PUT, same path) proves it. */
    private static final String SEND_ROUTE = "POST /v1/me/phone/verification";
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final String MALFORMED = "the body is not a JSON object with phone (and code, to prove it)";
    private final Supplier<PhoneVerificationService> service;

    public PhoneVerificationHandler() {
        this(LiveSettings.fromEnvironment());
    }

    /** The same wiring from explicit values: for the local stack and the template check. */
    public PhoneVerificationHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public PhoneVerificationHandler(LiveSettings settings) {
        this(settings.bind(PhoneVerificationHandler::fromEnvironment));
    }

    PhoneVerificationHandler(PhoneVerificationService service) {
        this(() -> service);
    }

    private PhoneVerificationHandler(Supplier<PhoneVerificationService> service) {
        this.service = service;
    }

    static PhoneVerificationService fromEnvironment(Config config) {
        AwsClients aws = AwsClients.from(config);
        return new PhoneVerificationService(
                new PhoneVerificationStore(aws.dynamoDb(), config.require(EnvVar.PHONE_VERIFICATIONS_TABLE)),
                SnsSmsSender.from(aws.settings(), aws.http()),
                PhoneNormalizer.fromConfig(config),
                VerificationRules.DEFAULT,
                Clock.systemUTC(),
                new DecisionLog("phone-verification", LogSink.STDOUT, Clock.systemUTC()));
    }

    record Request(String phone, String code) {
    }

    record SentBody(long expiresInSeconds) {
    }

    record ProvenBody(boolean phoneVerified, String proofExpiresAt) {
    }

    @Override
    public HttpResponse handle(HttpRequest http, Context context) {
        String user = http.subject();
        if (user == null) {
            return error(401, "no user: the request carries no token subject");
        }
        Request request;
        try {
            request = JSON.readValue(http.bodyText(), Request.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return error(400, MALFORMED);
        }
        if (request == null) {
            return error(400, MALFORMED);
        }
        try {
            if (SEND_ROUTE.equals(http.routeKey())) {
                return json(202, new SentBody(service.get().send(user, request.phone()).expiresIn().toSeconds()));
            }
            return json(200, new ProvenBody(true, service.get().verify(user, request.phone(), request.code()).until().toString()));
        } catch (PhoneVerificationService.InvalidRequestException invalid) {
            return error(400, invalid.getMessage());
        } catch (PhoneVerificationService.WrongCodeException wrong) {
            return error(422, wrong.getMessage());
        } catch (PhoneVerificationService.LimitedException limited) {
            return error(429, limited.getMessage(), retryAfter(limited.retryAfter()));
        } catch (SmsSender.SmsNotSentException notSent) {
            return error(503, "the SMS could not be sent just now; try again shortly", retryAfter(Duration.ofSeconds(30)));
        } catch (RuntimeException failure) {
            if (TransientAwsFailure.test(failure)) {
                return error(503, "busy; try again shortly", retryAfter(Duration.ofSeconds(1)));
            }
            throw failure;
        }
    }

    private static Map<String, String> retryAfter(Duration wait) {
        return Map.of("retry-after", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }
}

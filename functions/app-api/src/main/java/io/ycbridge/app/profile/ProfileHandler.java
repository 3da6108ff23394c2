package io.ycbridge.app.profile;

import io.ycbridge.aws.LiveSettings;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.UserLinkStore;
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
import io.ycbridge.app.booking.BookingStore;
import io.ycbridge.app.devices.DevicesHandler;
import io.ycbridge.app.verification.PhoneVerificationStore;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;
import java.util.Map;

/**
 * {@code PUT /v1/me/profile} and {@code DELETE /v1/me} behind the JWT authorizer: the user's identity routes. Saving
 * a proven phone links the user and credits the visits kept pending under it, and leaving anonymises the user's
 * ledger: both are the bonus ledger's work ({@code BonusAccrualService}, shared/bonus-ledger); the profile itself goes
 * to ProfilesTable (ProfileStore), which the booking-link route reads.
 */
public final class ProfileHandler extends HttpRouteHandler {
    /** The route that erases the user; every other route this function serves saves the profile. */
    private static final String LEAVE_ROUTE = "DELETE /v1/me";
    private static final ObjectMapper JSON = ApiJson.mapper();
    /** Contention settles within a second or two; the app retries once after this. */
    private static final Map<String, String> RETRY_AFTER = Map.of("retry-after", "1");
    private final Supplier<ProfileService> service;

    public ProfileHandler() {
        this(LiveSettings.fromEnvironment());
    }

    public ProfileHandler(Config config) {
        this(LiveSettings.fixed(config));
    }

    /** Rebuilt when the deploy's settings change. */
    public ProfileHandler(LiveSettings settings) {
        this(settings.bind(ProfileHandler::fromEnvironment));
    }

    ProfileHandler(ProfileService service) {
        this(() -> service);
    }

    private ProfileHandler(Supplier<ProfileService> service) {
        this.service = service;
    }

    static ProfileService fromEnvironment(Config config) {
        AwsClients aws = AwsClients.from(config);
        return new ProfileService(
                BonusAccrualService.from(config, aws),
                new UserLinkStore(aws.dynamoDb(), config.require(EnvVar.USER_LINKS_TABLE)),
                new ProfileStore(aws.dynamoDb(), config.require(EnvVar.PROFILES_TABLE)),
                new PhoneVerificationStore(aws.dynamoDb(), config.require(EnvVar.PHONE_VERIFICATIONS_TABLE)),
                new BookingStore(aws.dynamoDb(), config.require(EnvVar.BOOKINGS_TABLE)),
                DevicesHandler.fromConfig(config),
                PhoneNormalizer.fromConfig(config),
                PhoneClaims.from(config),
                Clock.systemUTC(),
                new DecisionLog("profile", LogSink.STDOUT, Clock.systemUTC()));
    }

    /**
     * The answer to a save. {@code phoneVerified}: the phone is proven and is the user's linked phone now (bonuses
     * under it are the user's); false: stored as contact data only. {@code proof}: token, sms, earlier or none.
     */
    record Body(String name, String phone, String email, String code, boolean phoneVerified, String proof, String credited) {
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String user = request.subject();
        if (user == null) {
            return error(401, "no user: the request carries no token subject");
        }
        try {
            if (LEAVE_ROUTE.equals(request.routeKey())) {
                service.get().erase(user);
                return HttpResponse.noContent();
            }
            return save(user, request);
        } catch (BonusAccrualService.ContendedException contended) {
            // A link that kept losing to concurrent writers is no refusal: the app tries again (never 409).
            return error(503, "busy linking the phone; try again shortly", RETRY_AFTER);
        } catch (RuntimeException failure) {
            if (TransientAwsFailure.test(failure)) {
                return error(503, "busy; try again shortly", RETRY_AFTER);
            }
            throw failure;
        }
    }

    private HttpResponse save(String user, HttpRequest http) {
        ProfileService.Request request;
        try {
            request = JSON.readValue(http.bodyText(), ProfileService.Request.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return error(400, "the body is not a JSON object with name, phone, email and code");
        }
        if (request == null) {
            return error(400, "the body is not a JSON object with name, phone, email and code");
        }
        try {
            ProfileService.Saved saved = service.get().save(user, http.claims(), request);
            return json(200, new Body(saved.profile().name(), saved.profile().phoneE164(), saved.profile().email(),
                    saved.profile().appCode(), saved.phoneVerified(), saved.proof().name().toLowerCase(java.util.Locale.ROOT),
                    saved.credited().toPlainString()));
        } catch (ProfileService.InvalidProfileException invalid) {
            return error(400, invalid.getMessage());
        }
    }
}

package io.ycbridge.bonus;

import static io.ycbridge.http.HttpApiExchange.error;
import static io.ycbridge.http.HttpApiExchange.json;
import static io.ycbridge.http.HttpApiExchange.subject;
import static io.ycbridge.http.HttpApiExchange.body;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.http.HttpApiHandler;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.profile.ProfileStore;
import io.ycbridge.yclients.ApiJson;
import java.time.Clock;

/**
 * {@code PUT /v1/me/profile} behind the JWT authorizer. Lives with bonus accrual because saving a profile links the
 * user to their phone and credits the visits kept pending under it, which is this function's ledger work; the profile
 * itself goes to ProfilesTable (lambda-common's ProfileStore), which widget-url reads for the booking link.
 */
public final class ProfileHandler extends HttpApiHandler {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final ProfileService service;

    public ProfileHandler() {
        this(Config.fromEnvironment());
    }

    public ProfileHandler(Config config) {
        this(fromEnvironment(config));
    }

    ProfileHandler(ProfileService service) {
        this.service = service;
    }

    static ProfileService fromEnvironment(Config config) {
        AwsClients aws = AwsClients.from(config);
        return new ProfileService(
                BonusAccrualService.from(config, aws),
                new UserLinkStore(aws.dynamoDb(), config.require(EnvVar.USER_LINKS_TABLE)),
                new ProfileStore(aws.dynamoDb(), config.require(EnvVar.PROFILES_TABLE)),
                PhoneNormalizer.fromConfig(config),
                Clock.systemUTC());
    }

    record Body(String name, String phone, String email, String code, String credited) {
    }


    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        String user = subject(event);
        if (user == null) {
            return error(401, "no user: the request carries no token subject");
        }
        ProfileService.Request request;
        try {
            request = JSON.readValue(body(event), ProfileService.Request.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return error(400, "the body is not a JSON object with name, phone, email and code");
        }
        if (request == null) {
            return error(400, "the body is not a JSON object with name, phone, email and code");
        }
        try {
            ProfileService.Saved saved = service.save(user, request);
            return json(200, new Body(saved.profile().name(), saved.profile().phoneE164(), saved.profile().email(),
                    saved.profile().appCode(), saved.credited().toPlainString()));
        } catch (ProfileService.InvalidProfileException invalid) {
            return error(400, invalid.getMessage());
        } catch (UserLinkStore.LinkConflictException conflict) {
            return error(409, "this phone is linked to another app user");
        }
    }
}

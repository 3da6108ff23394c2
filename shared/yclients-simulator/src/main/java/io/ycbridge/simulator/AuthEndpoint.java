package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/** {@code POST /auth}: a login and password for a user token, or a two-factor challenge. */
final class AuthEndpoint implements Endpoint {
    private final Accounts accounts;

    AuthEndpoint(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public ApiResponse handle(ApiCall call) {
        JsonNode body = call.jsonBody();
        String login = body.path("login").asText("");
        String password = body.path("password").asText("");
        if (login.isBlank() || password.isEmpty()) {
            throw ApiRefusal.failure(422, call.language().loginAndPasswordRequired());
        }
        Optional<UserAccount> user = accounts.userByLogin(login).filter(u -> u.password().equals(password));
        if (user.isEmpty()) {
            throw ApiRefusal.failure(401, call.language().wrongLogin());
        }
        UserAccount account = user.get();
        if (account.twoFactor()) {
            // A 200 without a token: the second factor is confirmed elsewhere, which the simulator does not model.
            ObjectNode challenge = Json.object().put("uuid", UUID.randomUUID().toString());
            return ApiResponse.json(200, Envelope.success(challenge));
        }
        ObjectNode data = Json.object();
        data.put("id", account.id());
        data.put("user_token", account.userToken());
        data.put("name", account.name());
        data.put("phone", account.phone());
        data.put("login", account.login());
        data.put("email", account.email());
        data.put("is_approved", true);
        return ApiResponse.json(201, Envelope.success(data));
    }
}

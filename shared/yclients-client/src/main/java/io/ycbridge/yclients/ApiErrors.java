package io.ycbridge.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.yclients.AuthenticationException.Credential;
import java.time.Duration;
import java.util.Locale;

/** Turns a refused answer into the typed exception that names the fix. */
final class ApiErrors {
    private ApiErrors() {
    }

    /** {@code body} is the answer read as a tree, or null when it was not JSON. */
    static YClientsException from(int status, JsonNode body, ApiRequest request, boolean userTokenSent, Duration retryAfter) {
        String message = Envelope.messageOf(body);
        int code = Envelope.errorCodeOf(body);
        if (code == 0 && status >= 431 && status <= 438) {
            code = status;
        }
        String method = request.method();
        String path = request.path();
        String hint = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (status == 401 || (status < 300 && mentionsPartner(hint))) {
            return new AuthenticationException(status, message, method, path, refusedCredential(request, hint, userTokenSent));
        }
        if ((status == 402 || status == 403 || status < 300) && mentionsLicence(hint)) {
            return new LicenseExpiredException(status, message, method, path);
        }
        // Before the rights check: a 403 carrying 434 is the phone's blacklist, not the token's rights.
        if (BookingError.ofCode(code).isPresent() && (status == 422 || status == 403 || status == code || status < 300)) {
            return new ValidationException(status, message, method, path, code, Envelope.appointmentIdOf(body));
        }
        // A user's cancel or move under the company's rules: a 403 there is those rules, unless it names the rights.
        if (status == 403 && request.recordRules() && !mentionsRights(hint)) {
            return new BookingChangeRefusedException(status, message, method, path);
        }
        if (status == 403 && !hint.contains("черн") && !hint.contains("blacklist")) {
            return new PermissionException(status, message, method, path);
        }
        if (status < 300 && mentionsRights(hint)) {
            return new PermissionException(status, message, method, path);
        }
        if (status == 404) {
            return new NotFoundException(status, message, method, path);
        }
        if (status == 429) {
            return new RateLimitedException(message, method, path, retryAfter);
        }
        if (status >= 500) {
            return new ServerException(status, message, method, path);
        }
        if (status == 422 || status == 403 || (status >= 431 && status <= 438)) {
            return new ValidationException(status, message, method, path, code, Envelope.appointmentIdOf(body));
        }
        return new YClientsException(status, message, method, path,
                status < 300 ? "the API answered success: false" : "unexpected answer from the API");
    }

    private static Credential refusedCredential(ApiRequest request, String hint, boolean userTokenSent) {
        if ("/auth".equals(request.path())) {
            return mentionsPartner(hint) ? Credential.PARTNER_TOKEN : Credential.LOGIN;
        }
        if (mentionsPartner(hint) || !userTokenSent) {
            return Credential.PARTNER_TOKEN;
        }
        return Credential.USER_TOKEN;
    }

    private static boolean mentionsPartner(String hint) {
        return hint.contains("партн") || hint.contains("partner");
    }

    /** "Необходимо продлить лицензию", "license expired", "licence": a lapsed licence, whichever status it came with. */
    private static boolean mentionsLicence(String hint) {
        return hint.contains("лиценз") || hint.contains("licen");
    }

    private static boolean mentionsRights(String hint) {
        return hint.contains("no company management rights") || hint.contains("нет прав");
    }
}

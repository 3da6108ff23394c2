package io.ycbridge.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's Authorization grammar: {@code Bearer <partner>} or {@code Bearer <partner>, User <user>}. The scheme
 * words are case-sensitive and spaces around the comma are tolerated. Anything else (seed 004 tried
 * {@code Bearer <token>, Partner <id>}) does not parse, which the API reports as a missing partner id.
 */
record AuthorizationHeader(String partnerToken, Optional<String> userToken) {
    private static final Pattern GRAMMAR = Pattern.compile("Bearer +([^\\s,]+)(?: *, *User +([^\\s,]+))?");

    static Optional<AuthorizationHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(header.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AuthorizationHeader(m.group(1), Optional.ofNullable(m.group(2))));
    }
}

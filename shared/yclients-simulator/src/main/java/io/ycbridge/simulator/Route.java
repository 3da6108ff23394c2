package io.ycbridge.simulator;

import java.util.regex.Pattern;

/**
 * A method and path pattern with the access it needs. {@link Access#COMPANY_USER} routes capture the company id
 * as their first group and need a user who manages that company.
 */
record Route(String method, Pattern pattern, Access access, Endpoint endpoint) {

    enum Access { PARTNER, COMPANY_USER }

    static Route of(String method, String regex, Access access, Endpoint endpoint) {
        return new Route(method, Pattern.compile(regex), access, endpoint);
    }
}

package io.ycbridge.simulator;

import java.util.regex.Pattern;

/**
 * A method and path pattern with the access it needs. {@link Access#COMPANY_USER} routes capture the company id (as
 * their first group, unless {@link #companyAt} says which) and need a user who manages that company.
 */
record Route(String method, Pattern pattern, Access access, int companyGroup, Endpoint endpoint) {

    enum Access { PARTNER, COMPANY_USER }

    static Route of(String method, String regex, Access access, Endpoint endpoint) {
        return new Route(method, Pattern.compile(regex), access, 1, endpoint);
    }

    /** The same route with the company id in another group, for paths that name something else first. */
    Route companyAt(int group) {
        return new Route(method, pattern, access, group, endpoint);
    }
}

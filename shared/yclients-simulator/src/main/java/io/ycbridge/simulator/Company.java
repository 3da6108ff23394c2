package io.ycbridge.simulator;

import java.time.ZoneId;

/**
 * A company (a branch, in YClients' words). {@code countryId} is YClients' own country number (the reference's
 * {@code GET /countries} lists 1 for Россия, 2 for Латвия; 0 where unset, as in its record examples), {@code country}
 * the name in the account's language, {@code phone} the company's own number.
 */
record Company(long id, String title, ZoneId zone, int countryId, String country, String city, String phone) {
}

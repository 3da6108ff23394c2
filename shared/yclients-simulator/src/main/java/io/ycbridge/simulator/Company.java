package io.ycbridge.simulator;

import java.time.ZoneId;

/** A company (a branch, in YClients' words). */
record Company(long id, String title, ZoneId zone, String country, String city) {
}

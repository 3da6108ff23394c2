package io.ycbridge.yclients;

import io.ycbridge.simulator.MovableClock;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;

/** What the online-booking tests start from: the demo seed, its branch booking without SMS codes, and clients of it. */
final class DemoBooking {
    private DemoBooking() {
    }

    static YClientsSimulator simulator() {
        YClientsSimulator sim = YClientsSimulator.start();
        sim.seed(SimulatorSeed.demo());
        sim.bookingForms().requirePhoneConfirmation(SimulatorSeed.DEMO_BRANCH_ID, false);
        return sim;
    }

    /** No rate limit, and back-off recorded rather than slept, so a retry costs no time. */
    static YClientsClient client(YClientsSimulator sim, Credentials credentials) {
        return YClientsClient.builder().baseUri(sim.baseUri())
                .credentials(credentials)
                .sleeper(new RecordingSleeper(new MovableClock()))
                .rateLimiter(RateLimiter.UNLIMITED)
                .build();
    }
}

package io.ycbridge.simulator;

/** Credentials every simulator accepts from the start; the default user manages every company it holds. */
public final class SimulatorDefaults {
    public static final String PARTNER_TOKEN = "sim-partner-token";
    public static final String USER_TOKEN = "sim-user-token";
    public static final String LOGIN = "+79990000001";
    public static final String PASSWORD = "sim-password";

    private SimulatorDefaults() {
    }
}

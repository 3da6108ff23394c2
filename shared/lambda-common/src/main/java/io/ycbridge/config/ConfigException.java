package io.ycbridge.config;

/** A missing or malformed setting. The message names the variable and what a valid value looks like. */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable (or secret field) at fault. */
    public String variable() {
        return variable;
    }
}

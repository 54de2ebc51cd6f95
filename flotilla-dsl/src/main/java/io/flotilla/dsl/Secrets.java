package io.flotilla.dsl;

import java.util.Map;
import java.util.Optional;

/**
 * The environment that secret table options are read from ({@code secret-options: {password:
 * FLOTILLA_DIM_PASSWORD}}): the JobManager's when a job is submitted, none for validate. It never
 * prints its values.
 */
public final class Secrets {

    private static final Secrets NONE = new Secrets(Map.of());

    private final Map<String, String> environment;

    private Secrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Secrets read from {@code environment} (usually {@code System.getenv()}). */
    public static Secrets of(Map<String, String> environment) {
        return new Secrets(environment);
    }

    /** No secrets: tables plan without their secret options (validate, plan, lineage). */
    public static Secrets none() {
        return NONE;
    }

    /** The value of the environment variable {@code name}, if it is set and not empty. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "Secrets[values hidden]";
    }
}

package io.flotilla.http;

import java.util.Locale;

/** What a token may do: each role may do everything the roles below it may. */
public enum Role {
    /** Reads only (GET). */
    VIEWER,
    /** Changes desired state: start, stop, restart, releases, state cleanup. */
    OPERATOR,
    /** Everything: clusters, creating and deleting deployments, declaring a cluster lost. */
    ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** Parses {@code viewer}, {@code operator} or {@code admin}, naming the choices when wrong. */
    public static Role parse(String raw) {
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown role '" + raw + "': use viewer, operator or admin");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.flotilla.ui.api;

import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.ui.Sessions.Session;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The typed clients of the supervisor's API the pages call, one per API token (so the API's role
 * checks decide what each user may see and do) and reused, since each holds its own HTTP client.
 */
public final class Clients {

    private final Supplier<URI> base;
    private final Map<String, SupervisorClient> byToken = new ConcurrentHashMap<>();

    /**
     * @param base the API's address; asked at the first call, since it is known once the port is
     */
    public Clients(Supplier<URI> base) {
        this.base = base;
    }

    /** The client that calls with {@code session}'s token. */
    public SupervisorClient of(Session session) {
        // Tokens come from the tokens file, so the map stays as small as that file.
        return byToken.computeIfAbsent(session.token(), t -> new SupervisorClient(base.get(), t));
    }
}

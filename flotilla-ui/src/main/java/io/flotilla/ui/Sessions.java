package io.flotilla.ui;

import io.flotilla.http.Principal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions kept in the server's memory: the cookie carries only a random id; the user's API
 * token, role and CSRF token stay here. A session ends on logout, after {@code idle} without a
 * request, or {@code maxAge} after login.
 */
public final class Sessions {

    /** One logged-in browser. The token is what the UI sends to the API for this user. */
    public static final class Session {
        private final String id;
        private final String token;
        private final Principal principal;
        private final String csrf;
        private final Instant created;
        private volatile Instant lastSeen;
        private volatile String flash;

        Session(String id, String token, Principal principal, String csrf, Instant now) {
            this.id = id;
            this.token = token;
            this.principal = principal;
            this.csrf = csrf;
            this.created = now;
            this.lastSeen = now;
        }

        public String id() {
            return id;
        }

        public String token() {
            return token;
        }

        public Principal principal() {
            return principal;
        }

        public String csrf() {
            return csrf;
        }

        /** A one-time message shown on the next page (the result of an action). */
        public void flash(String message) {
            this.flash = message;
        }

        public String takeFlash() {
            String f = flash;
            flash = null;
            return f;
        }

        /** Whether {@code given} is this session's CSRF token, compared in constant time. */
        public boolean csrfMatches(String given) {
            return given != null
                    && MessageDigest.isEqual(
                            given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[" + principal.name() + "]";
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    public Sessions(Clock clock, Duration idle, Duration maxAge) {
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    public Session create(String token, Principal principal) {
        Session s = new Session(secret(), token, principal, secret(), clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session of a cookie's id, touched; empty (and forgotten) once expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen.plus(idle)) || now.isAfter(s.created.plus(maxAge))) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public Duration idle() {
        return idle;
    }

    private String secret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

package io.flotilla.supervisor.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's PostgreSQL session-level advisory lock, on one connection of its own (not a pooled
 * one): PostgreSQL releases it as soon as that session ends, so a standby that gets it knows the
 * leader's process is gone. Needs a direct connection or session pooling; without it (an error, a
 * pooler in transaction mode turned off by the setting) the lease works on its expiry alone.
 */
public final class SessionLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLock.class);

    /** The lock's key: "Flotilla" in ASCII, so that no other application's lock is taken for it. */
    public static final long KEY = 0x466C6F74696C6C61L;

    // Generous: a check that times out on a slow, busy database closes a healthy session, and
    // frees the lock for a standby to take over from this live leader.
    private static final int CHECK_SECONDS = 5;

    private final DataSource sessions;
    private Connection connection;
    private boolean held;
    private boolean warned;

    /**
     * @param sessions where the lock's connection is opened: not a pool, whose connections are
     *     shared and recycled; null for no lock at all
     */
    public SessionLock(DataSource sessions) {
        this.sessions = sessions;
    }

    /** No lock: the lease is handed over by its expiry only. */
    public static SessionLock none() {
        return new SessionLock(null);
    }

    /**
     * Whether this process holds the lock now, taking it if it is free. False when another session
     * has it or the lock cannot be used (logged once until it works again).
     */
    public synchronized boolean hold() {
        if (sessions == null) {
            return false;
        }
        try {
            if (held && connection.isValid(CHECK_SECONDS)) {
                return true;
            }
            if (held) {
                // The session is gone, and the lock with it: another supervisor may have it now.
                closeConnection();
            }
            if (connection == null) {
                connection = sessions.getConnection();
                connection.setAutoCommit(true);
            }
            // Asked only while not held: the lock is re-entrant, so a second grant would need two
            // unlocks.
            try (PreparedStatement st =
                    connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                st.setLong(1, KEY);
                try (ResultSet rs = st.executeQuery()) {
                    held = rs.next() && rs.getBoolean(1);
                }
            }
            if (warned) {
                LOG.info(
                        "lease: the session lock works again; a killed leader is replaced at once");
                warned = false;
            }
            return held;
        } catch (SQLException e) {
            closeConnection();
            if (!warned) {
                LOG.warn(
                        "lease: no session lock ({}); a standby takes over only when the lease expires",
                        e.getMessage());
                warned = true;
            }
            return false;
        }
    }

    /** Gives the lock up (by ending its session), e.g. once this process no longer leads. */
    public synchronized void release() {
        if (held) {
            closeConnection();
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    private void closeConnection() {
        held = false;
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a broken connection fails; its session, and the lock, are gone either way.
        }
        connection = null;
    }
}

package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.jdbc.JdbcLeaderLease;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.jdbc.SessionLock;
import io.flotilla.supervisor.jdbc.StaleLeaderException;
import io.flotilla.supervisor.lease.Failover;
import io.flotilla.supervisor.lease.Lease;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leader lease, its session lock and its fencing on a real PostgreSQL. */
class JdbcLeaderLeaseITCase {

    private static final Duration LONG = Duration.ofSeconds(30);

    static EmbeddedPostgres pg;
    private final List<JdbcLeaderLease> opened = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        Migrations.apply(pg.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @BeforeEach
    void noLease() throws Exception {
        sql("DELETE FROM supervisor_lease");
    }

    @AfterEach
    void closeSessions() {
        opened.forEach(JdbcLeaderLease::close);
    }

    /** The lease as one supervisor process sees it: the pool, and a session lock of its own. */
    private JdbcLeaderLease process() {
        DataSource db = pg.getPostgresDatabase();
        JdbcLeaderLease lease = new JdbcLeaderLease(db, new SessionLock(db));
        opened.add(lease);
        return lease;
    }

    @Test
    void oneHolderAtATimeAndTheTokenGrowsOnlyWhenTheHolderChanges() throws Exception {
        JdbcLeaderLease lease = new JdbcLeaderLease(pg.getPostgresDatabase());
        // A lease long enough that b's attempt falls inside it even on a loaded machine.
        Lease a = lease.acquireOrRenew("a", Duration.ofSeconds(30)).orElseThrow();
        assertThat(a.failover()).isEqualTo(Failover.EXPIRY);
        assertThat(lease.acquireOrRenew("b", Duration.ofSeconds(30))).isEmpty();
        Lease renewed = lease.acquireOrRenew("a", Duration.ofMillis(500)).orElseThrow();
        assertThat(renewed.token()).isEqualTo(a.token());

        // a stops renewing: its short renewal expires; b gets the lease once it has (awaited).
        Lease b = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (b == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
            b = lease.acquireOrRenew("b", LONG).orElse(null);
        }
        assertThat(b).as("b's lease after a's expired").isNotNull();
        assertThat(b.holder()).isEqualTo("b");
        assertThat(b.token()).isEqualTo(a.token() + 1);
        assertThat(lease.acquireOrRenew("a", LONG)).isEmpty();

        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            JdbcLeaderLease.checkFence(c, b.token());
            assertThatThrownBy(() -> JdbcLeaderLease.checkFence(c, a.token()))
                    .isInstanceOf(StaleLeaderException.class)
                    .hasMessageContaining("no longer the leader");
            c.rollback();
        }
    }

    @Test
    void aStandbyTakesTheLeaseAsSoonAsTheHoldersSessionClosesNotBefore() throws Exception {
        JdbcLeaderLease first = process();
        JdbcLeaderLease second = process();
        Lease a = first.acquireOrRenew("a", LONG).orElseThrow();
        assertThat(a.failover()).isEqualTo(Failover.SESSION_END);
        for (int i = 0; i < 3; i++) {
            assertThat(second.acquireOrRenew("b", LONG)).as("while a's session lives").isEmpty();
            assertThat(first.acquireOrRenew("a", LONG)).isPresent();
        }

        first.close(); // a's process dies: its lock's connection closes

        // The server ends the session a moment after the socket closes: b tries at each of its
        // steps, here every 20 ms.
        Lease b = takeWithin(second, "b", Duration.ofSeconds(5));
        assertThat(b.holder()).isEqualTo("b");
        assertThat(b.token()).isEqualTo(a.token() + 1);
        assertThat(b.failover()).isEqualTo(Failover.SESSION_END);
        assertThat(Instant.now()).as("a's lease had not expired").isBefore(a.expiresAt());
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> JdbcLeaderLease.checkFence(c, a.token()))
                    .isInstanceOf(StaleLeaderException.class);
            c.rollback();
        }
    }

    @Test
    void aLiveLeaderWhoseLockSessionWasEndedAndTakenStopsLeading() throws Exception {
        JdbcLeaderLease first = process();
        JdbcLeaderLease second = process();
        Lease a = first.acquireOrRenew("a", LONG).orElseThrow();
        assertThat(second.acquireOrRenew("b", LONG)).isEmpty();

        // The server ends a's lock session (a dropped connection, an administrator); a lives on.
        endLockSession();
        Lease b = second.acquireOrRenew("b", LONG).orElseThrow();

        assertThat(b.token()).isEqualTo(a.token() + 1);
        assertThat(first.acquireOrRenew("a", LONG)).as("a, replaced").isEmpty();
        assertThat(first.acquireOrRenew("a", LONG)).isEmpty();
        assertThat(second.acquireOrRenew("b", LONG).orElseThrow().token()).isEqualTo(b.token());
    }

    @Test
    void aLeaderWhoseLockSessionEndedTakesItAgainWhenItRenewsFirst() throws Exception {
        JdbcLeaderLease first = process();
        JdbcLeaderLease second = process();
        Lease a = first.acquireOrRenew("a", LONG).orElseThrow();
        endLockSession();

        Lease renewed = first.acquireOrRenew("a", LONG).orElseThrow();

        assertThat(renewed.token()).isEqualTo(a.token());
        assertThat(renewed.failover()).isEqualTo(Failover.SESSION_END);
        assertThat(second.acquireOrRenew("b", LONG)).isEmpty();
    }

    @Test
    void aHolderWithoutTheLockIsReplacedOnlyWhenItsLeaseExpires() throws Exception {
        JdbcLeaderLease noLock = new JdbcLeaderLease(pg.getPostgresDatabase());
        JdbcLeaderLease standby = process();
        Lease a = noLock.acquireOrRenew("a", Duration.ofMillis(700)).orElseThrow();

        assertThat(standby.acquireOrRenew("b", Duration.ofMillis(700))).isEmpty();
        assertThat(sqlLong("SELECT count(*) FROM pg_locks" + locks()))
                .as("a standby gives up a lock it cannot use")
                .isZero();

        Thread.sleep(900);
        Lease b = standby.acquireOrRenew("b", LONG).orElseThrow();
        assertThat(b.token()).isEqualTo(a.token() + 1);
        assertThat(b.failover()).isEqualTo(Failover.SESSION_END);
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() throws Exception {
        JdbcLeaderLease first = new JdbcLeaderLease(pg.getPostgresDatabase());
        JdbcLeaderLease second = process();
        Lease a = first.acquireOrRenew("a", LONG).orElseThrow();

        first.release("a");

        assertThat(second.acquireOrRenew("b", LONG).orElseThrow().token()).isEqualTo(a.token() + 1);
    }

    /** Polls {@code lease} for {@code holder} until it takes it. */
    private static Lease takeWithin(JdbcLeaderLease lease, String holder, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            var taken = lease.acquireOrRenew(holder, LONG);
            if (taken.isPresent()) {
                return taken.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError(holder + " did not take the lease within " + patience);
    }

    /** Terminates the session holding the lock, and waits until the server has ended it. */
    private static void endLockSession() throws Exception {
        assertThat(sqlLong("SELECT count(pg_terminate_backend(pid)) FROM pg_locks" + locks()))
                .isEqualTo(1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sqlLong("SELECT count(*) FROM pg_locks" + locks()) > 0) {
            assertThat(System.nanoTime()).as("the lock's session ended").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String locks() {
        return " WHERE locktype = 'advisory' AND granted"
                + " AND ((classid::bigint << 32) | objid::bigint) = "
                + SessionLock.KEY;
    }

    private static void sql(String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long sqlLong(String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

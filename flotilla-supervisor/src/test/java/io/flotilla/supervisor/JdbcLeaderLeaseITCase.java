package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.jdbc.JdbcLeaderLease;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.jdbc.StaleLeaderException;
import io.flotilla.supervisor.lease.Lease;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The leader lease and its fencing on a real PostgreSQL. */
class JdbcLeaderLeaseITCase {

    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        Migrations.apply(pg.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void oneHolderAtATimeAndTheTokenGrowsOnlyWhenTheHolderChanges() throws Exception {
        JdbcLeaderLease lease = new JdbcLeaderLease(pg.getPostgresDatabase());
        // A lease long enough that b's attempt falls inside it even on a loaded machine.
        Lease a = lease.acquireOrRenew("a", Duration.ofSeconds(30)).orElseThrow();
        assertThat(lease.acquireOrRenew("b", Duration.ofSeconds(30))).isEmpty();
        Lease renewed = lease.acquireOrRenew("a", Duration.ofMillis(500)).orElseThrow();
        assertThat(renewed.token()).isEqualTo(a.token());

        // a stops renewing: its short renewal expires; b gets the lease once it has (awaited).
        Lease b = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (b == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
            b = lease.acquireOrRenew("b", Duration.ofSeconds(30)).orElse(null);
        }
        assertThat(b).as("b's lease after a's expired").isNotNull();
        assertThat(b.holder()).isEqualTo("b");
        assertThat(b.token()).isEqualTo(a.token() + 1);
        assertThat(lease.acquireOrRenew("a", Duration.ofSeconds(30))).isEmpty();

        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            JdbcLeaderLease.checkFence(c, b.token());
            assertThatThrownBy(() -> JdbcLeaderLease.checkFence(c, a.token()))
                    .isInstanceOf(StaleLeaderException.class)
                    .hasMessageContaining("no longer the leader");
            c.rollback();
        }
    }
}

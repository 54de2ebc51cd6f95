package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.DeploymentStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract, and the audit log, against a real PostgreSQL. */
class JdbcDeploymentStoreITCase extends DeploymentStoreContract {

    static EmbeddedPostgres pg;
    static JdbcDeploymentStore store;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        Migrations.apply(pg.getPostgresDatabase());
        store = new JdbcDeploymentStore(pg.getPostgresDatabase(), false);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Override
    DeploymentStore store() {
        return store;
    }

    @Override
    void create(DeploymentSpec spec) {
        store.putSpec(spec);
    }

    @Override
    void bumpGeneration(String name) {
        DeploymentSpec current =
                store.loadAll().stream()
                        .filter(d -> d.name().equals(name))
                        .findFirst()
                        .orElseThrow()
                        .spec();
        store.putSpec(current.withGeneration(current.generation() + 1));
    }

    @Override
    Runnable beginSpecChange(String name) {
        try {
            Connection c = pg.getPostgresDatabase().getConnection();
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement st =
                    c.prepareStatement(
                            "UPDATE deployments SET generation = generation + 1, spec = jsonb_set(spec,"
                                    + " '{generation}', to_jsonb(generation + 1)) WHERE name = ?")) {
                st.setString(1, name);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            return () -> {
                try (c) {
                    c.commit();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void delete(String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                java.sql.PreparedStatement st =
                        c.prepareStatement("DELETE FROM deployments WHERE name = ?")) {
            st.setString(1, name);
            st.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLoadAfterTheFirstReadsOnlyTheRowsWrittenSince() {
        store.putSpecs(
                java.util.List.of(
                        Specs.spec("read-once-a", "cluster-1"),
                        Specs.spec("read-once-b", "cluster-1")));
        store.loadAll();
        store.loadAll();
        assertThat(store.lastLoadRead()).isZero();

        bumpGeneration("read-once-a");
        store.loadAll();

        assertThat(store.lastLoadRead()).isEqualTo(1);
    }

    @Test
    void eventsAreAppendOnly() throws Exception {
        store.appendEvent(
                new Event(
                        "audited",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        "SUBMIT",
                        "submitted job x",
                        4));
        store.appendEvent(
                new Event(
                        "audited",
                        Instant.parse("2026-11-23T10:00:01Z"),
                        "RUNNING",
                        "job x runs",
                        4));
        assertThat(store.events("audited"))
                .extracting(Event::type)
                .containsExactly("SUBMIT", "RUNNING");

        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE events SET message = 'rewritten'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM events"))
                    .hasMessageContaining("append-only");
        }
        assertThat(store.events("audited")).hasSize(2);
    }
}

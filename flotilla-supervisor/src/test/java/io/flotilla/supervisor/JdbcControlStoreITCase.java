package io.flotilla.supervisor;

import io.flotilla.supervisor.jdbc.JdbcControlStore;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.port.ControlStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The API store contract against a real PostgreSQL, emptied before each case. */
class JdbcControlStoreITCase extends ControlStoreContract {

    static EmbeddedPostgres pg;
    static JdbcControlStore store;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        Migrations.apply(pg.getPostgresDatabase());
        store = new JdbcControlStore(pg.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            // The append-only trigger guards events against changes, not against a test's reset.
            st.execute("ALTER TABLE events DISABLE TRIGGER events_append_only");
            st.execute(
                    "TRUNCATE deployments, clusters, lineage, deleted_deployments, events RESTART IDENTITY");
            st.execute("ALTER TABLE events ENABLE TRIGGER events_append_only");
        }
    }

    @Override
    ControlStore store() {
        return store;
    }
}

package io.flotilla.supervisor;

import io.flotilla.supervisor.jdbc.JdbcBackfills;
import io.flotilla.supervisor.jdbc.JdbcControlStore;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.BackfillStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The backfill store contract against a real PostgreSQL (migration V6), emptied per case. */
class JdbcBackfillsITCase extends BackfillStoreContract {

    static EmbeddedPostgres pg;
    static JdbcBackfills store;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        Migrations.apply(pg.getPostgresDatabase());
        store = new JdbcBackfills(pg.getPostgresDatabase(), false);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE events DISABLE TRIGGER events_append_only");
            st.execute("TRUNCATE backfills, events RESTART IDENTITY");
            st.execute("ALTER TABLE events ENABLE TRIGGER events_append_only");
        }
    }

    @Override
    BackfillStore store() {
        return store;
    }

    @Override
    List<Event> events(String deployment) {
        return new JdbcControlStore(pg.getPostgresDatabase())
                .events(deployment, 0, 1000).stream().map(AuditEntry::event).toList();
    }
}

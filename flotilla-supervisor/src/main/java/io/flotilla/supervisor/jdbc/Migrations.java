package io.flotilla.supervisor.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the supervisor's schema up to date with Flyway; safe to run from every supervisor. */
public final class Migrations {

    private Migrations() {}

    public static void apply(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }
}

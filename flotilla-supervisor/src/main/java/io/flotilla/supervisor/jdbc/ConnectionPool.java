package io.flotilla.supervisor.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A pool of connections to the supervisor's PostgreSQL (HikariCP), so that actions on many
 * deployments at once each borrow an open connection instead of opening one per save.
 */
public final class ConnectionPool {

    private ConnectionPool() {}

    /**
     * @param size the most connections open at once: the parallel actions, plus the loop's own and
     *     the API's
     */
    public static HikariDataSource of(DataSource db, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(db);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setPoolName(name);
        // Fail fast at start when the database is not there, with the driver's reason.
        config.setInitializationFailTimeout(1);
        return new HikariDataSource(config);
    }
}

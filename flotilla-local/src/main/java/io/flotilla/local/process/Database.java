package io.flotilla.local.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The platform's PostgreSQL: embedded (zonky) with its data in the run folder, or external. */
public final class Database implements AutoCloseable {

    static final String DATABASE = "flotilla";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private Database(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * Starts PostgreSQL with its data under {@code run/postgres}; creates the flotilla database.
     */
    public static Database startEmbedded(RunFolder run, int wantedPort) {
        int port = Ports.pick(wantedPort, "PostgreSQL", "postgres-port");
        Path data = run.resolve("postgres");
        Path log = run.logs().resolve("postgres.log");
        try {
            Files.createDirectories(log.getParent());
            stopLeftOver(data);
            EmbeddedPostgres pg =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(data)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start();
            String adminUrl = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
                    Statement st = c.createStatement()) {
                var rs =
                        st.executeQuery(
                                "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + DATABASE);
                }
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + DATABASE;
            return new Database(url, "postgres", "", pg);
        } catch (IOException | SQLException e) {
            throw new PlatformException(
                    "cannot start embedded PostgreSQL in "
                            + data
                            + ": "
                            + e.getMessage()
                            + "; see "
                            + log,
                    e);
        }
    }

    /**
     * A PostgreSQL still running on our data folder was left by a platform that died: we hold the
     * run folder's lock, so nobody else can own it.
     */
    private static void stopLeftOver(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid)
                    .filter(
                            p ->
                                    p.info()
                                            .commandLine()
                                            .map(c -> c.contains(data.toString()))
                                            .orElse(false))
                    .ifPresent(
                            p -> {
                                p.destroy();
                                p.onExit()
                                        .orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
                                        .join();
                            });
        } catch (IOException | RuntimeException e) {
            // a stale or unreadable pid file: PostgreSQL itself will tell if it is in the way
        }
    }

    /** Uses a PostgreSQL server someone else runs; checks that it accepts connections. */
    public static Database external(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new PlatformException(
                    "PostgreSQL at "
                            + jdbcUrl
                            + " refused the connection ("
                            + e.getMessage()
                            + "): check --jdbc-url, --jdbc-user and --jdbc-password");
        }
        return new Database(jdbcUrl, user, password, null);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public String password() {
        return password;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // best effort: the postgres process is stopped by pg_ctl either way
            }
        }
    }
}

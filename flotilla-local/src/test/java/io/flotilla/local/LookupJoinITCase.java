package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.run.JobArgs;
import io.flotilla.local.process.S3Store;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The seed's lookup join on the real platform: {@code OrdersWithCustomersJob} from the runner jar,
 * 200 generated orders joined {@code FOR SYSTEM_TIME AS OF} their processing time with a customers
 * table in the platform's PostgreSQL (read as a role whose password comes from the environment and
 * is checked), every joined row written back to PostgreSQL and checked; lineage from the real plan
 * reads the lookup table; the password is in no log and not in the lineage.
 */
class LookupJoinITCase {

    private static final Duration WAIT = Duration.ofSeconds(300);
    private static final String PASSWORD_VARIABLE = "FLOTILLA_DIM_PASSWORD";
    private static final Map<String, String> TIERS =
            Map.of(
                    "customer-1",
                    "gold",
                    "customer-2",
                    "silver",
                    "customer-3",
                    "bronze",
                    "customer-4",
                    "gold");

    static LocalPlatform platform;
    static SidecarClient sidecar;
    static String password;
    static Path tables;

    @BeforeAll
    static void startPlatformWithADimensionTable() throws Exception {
        password = System.getenv(PASSWORD_VARIABLE);
        assertThat(password)
                .as(PASSWORD_VARIABLE + " (set for failsafe in flotilla-local's pom)")
                .isNotBlank();
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("lookup-join"), 1);
        try (Connection c = platform.database().connect();
                Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("CREATE ROLE dim_reader LOGIN PASSWORD '" + password + "'");
            st.execute("CREATE TABLE customers (name TEXT PRIMARY KEY, tier TEXT NOT NULL)");
            for (var t : new TreeMap<>(TIERS).entrySet()) {
                st.execute(
                        "INSERT INTO customers VALUES ('"
                                + t.getKey()
                                + "', '"
                                + t.getValue()
                                + "')");
            }
            st.execute(
                    "CREATE TABLE order_tiers (id BIGINT, name TEXT, cost DOUBLE PRECISION, tier"
                            + " TEXT)");
            st.execute("GRANT SELECT ON customers TO dim_reader");
            st.execute("GRANT INSERT ON order_tiers TO dim_reader");
            requirePasswordOf(st, "dim_reader");
        }
        tables = writeTables(platform.home().resolve("lookup-tables"));
        sidecar = new SidecarClient(platform.sidecars().get(0).uri(), platform.sidecarToken());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void ordersAreJoinedWithTheirCustomersTierFromPostgresql() throws Exception {
        List<String> args =
                List.of(
                        "--job",
                        "io.flotilla.examples.orders.dsl.OrdersWithCustomersJob",
                        "--tables",
                        tables.toString());

        // Lineage and plan, as validate and the supervisor see them, from the real planner.
        BuiltJob built =
                JobArgs.parse(args)
                        .build(
                                LookupJoinITCase.class.getClassLoader(),
                                Map.of(PASSWORD_VARIABLE, password));
        assertThat(built.optimizedPlan())
                .contains("LookupJoin(table=[default_catalog.default_database.customers]")
                .contains("lookup=[name=name]");
        Lineage lineage = LineageExtractor.of(built);
        assertThat(lineage.reads())
                .extracting(
                        Lineage.TableRef::name,
                        Lineage.TableRef::connector,
                        Lineage.TableRef::location)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders", "datagen", null),
                        org.assertj.core.groups.Tuple.tuple("customers", "jdbc", "customers"));
        assertThat(lineage.writes())
                .extracting(Lineage.TableRef::name)
                .containsExactly("order_tiers");
        assertThat(lineage.toJson()).doesNotContain(password);

        Artifacts.Published runner;
        try (S3Client s3 = platform.s3().client()) {
            runner = Artifacts.publish(s3, TestingPlatforms.runnerJar(), "runner");
        }
        String jobId = JobID.generate().toHexString();
        sidecar.submit(
                new JobApi.SubmitRequest(
                        new JobApi.ArtifactRef(runner.uri(), runner.sha256()),
                        "io.flotilla.runner.Runner",
                        args,
                        1,
                        jobId,
                        null,
                        null));
        JobApi.JobView ended =
                SidecarWaits.until(
                        sidecar,
                        jobId,
                        WAIT,
                        "FINISHED",
                        j -> List.of("FINISHED", "FAILED", "CANCELED").contains(j.status()));
        assertThat(ended.status()).as("the bounded lookup job's end").isEqualTo("FINISHED");

        Map<Long, List<String>> expected = new TreeMap<>();
        for (long id = 1; id <= 200; id++) {
            String name = "customer-" + (id % 5 + 1);
            if (TIERS.containsKey(name)) {
                expected.put(id, List.of(name, String.valueOf(id * 1.5), TIERS.get(name)));
            }
        }
        Map<Long, List<String>> written = new TreeMap<>();
        try (Connection c = platform.database().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, name, cost, tier FROM order_tiers")) {
            while (rs.next()) {
                List<String> before =
                        written.put(
                                rs.getLong(1),
                                List.of(
                                        rs.getString(2),
                                        String.valueOf(rs.getDouble(3)),
                                        rs.getString(4)));
                assertThat(before).as("order %s written once", rs.getLong(1)).isNull();
            }
        }
        // customer-5 has no row in customers: the inner join drops its 40 orders.
        assertThat(written).hasSize(160).containsExactlyEntriesOf(expected);

        try (Stream<Path> logs = Files.walk(platform.home().resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("log %s", log)
                        .doesNotContain(password);
            }
        }
    }

    /**
     * Makes PostgreSQL check {@code role}'s password on loopback (the embedded server trusts every
     * local connection), so the job proves it sent the one from the environment.
     */
    private static void requirePasswordOf(Statement st, String role)
            throws SQLException, IOException {
        String hbaFile;
        try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
            rs.next();
            hbaFile = rs.getString(1);
        }
        Path hba = Path.of(hbaFile);
        Files.writeString(
                hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        st.execute("SELECT pg_reload_conf()");
        // The server reloads on a signal: wait until a wrong password is refused.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection wrong =
                    java.sql.DriverManager.getConnection(
                            platform.database().jdbcUrl(), role, "not-" + password)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("PostgreSQL still lets " + role + " in unchecked");
                }
            } catch (SQLException refused) {
                assertThat(refused.getMessage()).contains("password authentication failed");
                return;
            }
            S3Store.sleep(200);
        }
    }

    /**
     * The job's tables for this platform: bounded generated orders, and both tables in PostgreSQL.
     */
    private static Path writeTables(Path dir) throws IOException {
        Files.createDirectories(dir);
        String jdbc =
                """
                connector: jdbc
                owner: %s
                options:
                  url: "%s"
                  username: dim_reader
                secret-options:
                  password: %s
                """;
        String url = platform.database().jdbcUrl();
        Files.writeString(
                dir.resolve("tables.yaml"),
                """
                name: orders
                connector: datagen
                owner: orders-service
                options:
                  fields.id.kind: sequence
                  fields.id.start: "1"
                  fields.id.end: "200"
                columns:
                  - {name: id, type: BIGINT NOT NULL}
                  - {name: name, expr: "CONCAT('CUSTOMER-', CAST(MOD(id, 5) + 1 AS STRING))"}
                  - {name: cost, expr: "CAST(id AS DOUBLE) * 1.5"}
                  - {name: ts, expr: "CAST(CURRENT_TIMESTAMP AS TIMESTAMP_LTZ(3))"}
                ---
                name: customers
                location: customers
                %s
                lookup:
                  cache: partial
                  max-rows: 100
                  expire-after-write: 10 min
                columns:
                  - {name: name, type: STRING NOT NULL}
                  - {name: tier, type: STRING}
                primary-key: [name]
                ---
                name: order_tiers
                location: order_tiers
                %s
                columns:
                  - {name: id, type: BIGINT}
                  - {name: name, type: STRING}
                  - {name: cost, type: DOUBLE}
                  - {name: tier, type: STRING}
                """
                        .formatted(
                                jdbc.formatted("crm", url, PASSWORD_VARIABLE).strip(),
                                jdbc.formatted("analytics", url, PASSWORD_VARIABLE).strip()));
        return dir;
    }
}

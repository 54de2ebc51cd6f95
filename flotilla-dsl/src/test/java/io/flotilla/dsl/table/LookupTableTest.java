package io.flotilla.dsl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.TestingTables;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.job.JobConfig;
import io.flotilla.dsl.job.Jobs;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupTableTest {

    private static final String SECRET = "s3cr3t-not-for-logs";

    private static TableDef.Builder customers() {
        return TableDef.jdbc("customers")
                .table("customers")
                .url("jdbc:postgresql://db:5432/dims")
                .option("username", "dim_reader")
                .secretOption("password", "FLOTILLA_TEST_DIM_PASSWORD")
                .column("id", "INT")
                .column("name", "STRING")
                .owner("crm");
    }

    private static PlatformDefaults withSecret() {
        return PlatformDefaults.resolve(List.of(), Map.of("FLOTILLA_TEST_DIM_PASSWORD", SECRET));
    }

    @Test
    void aLookupTableBecomesTheJdbcOptionsWithItsCacheAndThePasswordFromTheEnvironment() {
        TableDef def =
                customers()
                        .lookup(
                                LookupCache.partial(1000)
                                        .expireAfterWrite(Duration.ofMinutes(10))
                                        .cacheMissingKey(false)
                                        .maxRetries(2))
                        .build();

        assertThat(def.isLookup()).isTrue();
        assertThat(TableDescriptors.of(def, withSecret(), "j").getOptions())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "connector", "jdbc",
                                "table-name", "customers",
                                "url", "jdbc:postgresql://db:5432/dims",
                                "username", "dim_reader",
                                "password", SECRET,
                                "lookup.cache", "PARTIAL",
                                "lookup.partial-cache.max-rows", "1000",
                                "lookup.partial-cache.expire-after-write", "10 min",
                                "lookup.partial-cache.cache-missing-key", "false",
                                "lookup.max-retries", "2"));
    }

    @Test
    void withoutTheVariableThePasswordIsAStandInSoValidatePlansWithoutTheSecret() {
        TableDef def = customers().lookup(LookupCache.none()).build();
        assertThat(TableDescriptors.of(def, PlatformDefaults.local(), "j").getOptions())
                .containsEntry("password", "(not set: FLOTILLA_TEST_DIM_PASSWORD)")
                .containsEntry("lookup.cache", "NONE");
        assertThat(def.toString()).doesNotContain(SECRET);
        assertThat(withSecret().toString()).doesNotContain(SECRET);
    }

    @Test
    void yamlDeclaresTheSameLookupTableAsJava() {
        Tables yaml =
                Tables.builder()
                        .addYaml(
                                "dims.yaml",
                                """
                                name: customers
                                connector: jdbc
                                location: customers
                                owner: crm
                                options:
                                  url: jdbc:postgresql://db:5432/dims
                                  username: dim_reader
                                secret-options:
                                  password: FLOTILLA_TEST_DIM_PASSWORD
                                lookup:
                                  cache: partial
                                  max-rows: 1000
                                  expire-after-write: 10 min
                                  expire-after-access: 1 h
                                columns:
                                  - {name: id, type: INT}
                                  - {name: name, type: STRING}
                                """)
                        .build();
        TableDef java =
                customers()
                        .lookup(
                                LookupCache.partial(1000)
                                        .expireAfterWrite(Duration.ofMinutes(10))
                                        .expireAfterAccess(Duration.ofHours(1)))
                        .origin("dims.yaml:1")
                        .build();
        assertThat(yaml.get("customers")).isEqualTo(java);
    }

    @Test
    void theSeedsLookupJoinPlansAsALookupJoinAndLineageReadsTheTableWithoutItsPassword() {
        BuiltJob job =
                Jobs.build(
                        Jobs.load(
                                "classpath:jobs/lookup-join.yaml",
                                LookupTableTest.class.getClassLoader()),
                        TestingTables.catalog(),
                        Tables.builder().build(),
                        withSecret(),
                        JobConfig.empty());

        String explain = job.explain();
        assertThat(explain)
                .contains("LookupJoin(table=[default_catalog.default_database.customers]")
                .doesNotContain(SECRET);
        Lineage lineage = LineageExtractor.of(job);
        assertThat(lineage.reads())
                .extracting(Lineage.TableRef::name, Lineage.TableRef::connector)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("clicks", "datagen"),
                        org.assertj.core.groups.Tuple.tuple("customers", "jdbc"));
        assertThat(lineage.toJson()).doesNotContain(SECRET).doesNotContain("password");
        String plan = job.compiledPlan();
        System.out.println(
                "PLANDEBUG "
                        + plan.substring(
                                plan.indexOf("customers") - 200, plan.indexOf("customers") + 1500));
        assertThat(plan).as("the plan --save-plan writes").doesNotContain(SECRET);
    }

    @Test
    void aJobWhoseSecretVariableIsUnsetIsNotSubmitted() {
        assertThat(System.getenv("FLOTILLA_TEST_DIM_PASSWORD")).isNull();
        assertThatThrownBy(
                        () ->
                                io.flotilla.dsl.run.JobMain.run(
                                        new String[] {"--job", "classpath:jobs/lookup-join.yaml"},
                                        System.out))
                .isInstanceOf(DslException.class)
                .hasMessage(
                        "job 'lookup-join' (classpath:jobs/lookup-join.yaml): table 'customers'"
                                + " (declared in classpath:jobs/lookup-join.yaml (declare)) reads its"
                                + " option 'password' from the environment variable"
                                + " FLOTILLA_TEST_DIM_PASSWORD, which is not set where the job is"
                                + " submitted; set it in the JobManager's environment");
    }

    @Test
    void badLookupDeclarationsNameTheFieldTheRuleAndTheFix() {
        assertThat(refusal(customers().lookup(new LookupCache(null, 1L, null, null, null, null))))
                .isEqualTo(
                        "table 'customers', field lookup.cache: a lookup table needs a cache mode;"
                                + " set partial or none");
        assertThat(refusal(customers().lookup(LookupCache.partial(0).expireAfterWrite(min(1)))))
                .startsWith(
                        "table 'customers', field lookup.max-rows: a partial cache needs a"
                                + " positive row limit, got 0; set max-rows, e.g. 10000");
        assertThat(refusal(customers().lookup(LookupCache.partial(10))))
                .startsWith(
                        "table 'customers', field lookup.expire-after-write: a partial cache needs"
                                + " expire-after-write or expire-after-access");
        assertThat(refusal(customers().lookup(LookupCache.partial(10).expireAfterWrite(min(0)))))
                .isEqualTo(
                        "table 'customers', field lookup.expire-after-write: must be longer than"
                                + " zero, got pt0s; set e.g. 10 min");
        assertThat(refusal(customers().lookup(LookupCache.none().cacheMissingKey(true))))
                .isEqualTo(
                        "table 'customers', field lookup.cache-missing-key: only a partial cache"
                                + " takes it, and this one is none; set cache: partial or remove"
                                + " cache-missing-key");
        assertThat(refusal(customers().lookup(LookupCache.none().maxRetries(-1))))
                .isEqualTo(
                        "table 'customers', field lookup.max-retries: must be 0 or more, got -1;"
                                + " set e.g. 3");
        assertThat(
                        refusal(
                                TableDef.kafka("orders")
                                        .topic("orders")
                                        .column("id", "INT")
                                        .lookup(LookupCache.none())))
                .isEqualTo(
                        "table 'orders', field lookup: a lookup join cannot read connector 'kafka';"
                                + " declare lookup only on a table with connector jdbc");
        assertThat(
                        refusal(
                                customers()
                                        .option("lookup.cache", "PARTIAL")
                                        .lookup(LookupCache.none())))
                .startsWith(
                        "table 'customers', field options.lookup.cache: lookup options are declared"
                                + " under lookup");
    }

    @Test
    void secretsAreNeverWrittenInADeclaration() {
        assertThat(refusal(customers().option("password", "hunter2")))
                .startsWith(
                        "table 'customers', field options.password: a secret must not be written"
                                + " in a declaration")
                .endsWith(
                        "read it from the environment with secret-options: {password: FLOTILLA_...}")
                .doesNotContain("hunter2");
        assertThat(refusal(customers().secretOption("password", "dim-password")))
                .isEqualTo(
                        "table 'customers', field secret-options.password: 'dim-password' is not an"
                                + " environment variable name; use capitals, digits and _, e.g."
                                + " FLOTILLA_DIM_PASSWORD");
        assertThat(refusal(TableDef.jdbc("customers").table("customers").column("id", "INT")))
                .isEqualTo(
                        "table 'customers', field options.url: a jdbc table needs its database URL;"
                                + " set url: jdbc:postgresql://host:5432/database");
    }

    @Test
    void yamlLookupErrorsNameTheFileAndTheField() {
        assertThatThrownBy(() -> yaml("cache: full"))
                .isInstanceOf(DslException.class)
                .hasMessage(
                        "table 'customers' (declared in dims.yaml:1), field lookup.cache: 'full' is"
                                + " not a cache mode; use partial or none");
        assertThatThrownBy(() -> yaml("cache: partial\n  max-rows: 5\n  expire-after-write: soon"))
                .hasMessage(
                        "table 'customers' (declared in dims.yaml:1), field"
                                + " lookup.expire-after-write: 'soon' is not a duration; write a"
                                + " number and a unit such as 30 s, 10 min or 1 h");
        assertThatThrownBy(() -> yaml("cache: partial\n  max-rows: 5\n  ttl: 1 min"))
                .hasMessageContaining("unknown key 'ttl'");
    }

    private static void yaml(String lookup) {
        Tables.builder()
                .addYaml(
                        "dims.yaml",
                        """
                        name: customers
                        connector: jdbc
                        location: customers
                        options: {url: "jdbc:postgresql://db:5432/dims"}
                        lookup:
                          %s
                        columns:
                          - {name: id, type: INT}
                        """
                                .formatted(lookup));
    }

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static String refusal(TableDef.Builder builder) {
        try {
            builder.build();
        } catch (DslException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + builder);
    }
}

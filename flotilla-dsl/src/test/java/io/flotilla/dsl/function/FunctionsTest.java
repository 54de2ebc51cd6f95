package io.flotilla.dsl.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.TestingTables;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.job.FlotillaJob;
import io.flotilla.dsl.job.JobConfig;
import io.flotilla.dsl.job.Jobs;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.table.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsTest {

    private static final ClassLoader LOADER = FunctionsTest.class.getClassLoader();

    private static BuiltJob build(FlotillaJob job) {
        return Jobs.build(
                job,
                TestingTables.catalog(),
                Functions.builder().addServiceLoaded(LOADER).build(),
                Tables.builder().build(),
                PlatformDefaults.local(),
                JobConfig.parse(List.of()));
    }

    private static BuiltJob yaml(String ref) {
        return build(Jobs.load(ref, LOADER));
    }

    @Test
    void javaJobCallsScalarTableAndAggregateFunctions() {
        String plan = build(new TestingFunctions.UdfJob()).optimizedPlan();

        assertThat(plan)
                .contains("Correlate(invocation=[split_path(")
                .contains("tidy_text(")
                .contains("max_len(url)")
                .contains("url_host(");
    }

    @Test
    void lineageListsTheFunctionsThePlanCalls() {
        Lineage lineage = LineageExtractor.of(build(new TestingFunctions.UdfJob()));

        assertThat(lineage.functions())
                .extracting(Lineage.FunctionRef::name, Lineage.FunctionRef::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("url_host", "scalar"),
                        org.assertj.core.groups.Tuple.tuple("tidy_text", "scalar"),
                        org.assertj.core.groups.Tuple.tuple("split_path", "table"),
                        org.assertj.core.groups.Tuple.tuple("max_len", "aggregate"));
        assertThat(lineage.functions().get(0).declaredBy())
                .isEqualTo(TestingFunctions.UrlHostDeclaration.class.getName());
        assertThat(lineage.functions().get(1).declaredBy())
                .startsWith(TestingFunctions.UdfJob.class.getName() + ":");
        assertThat(lineage.toJson()).contains("\"functions\" : [").contains("\"kind\" : \"table\"");
    }

    @Test
    void yamlJobDeclaresFunctionsByClassNameAndLineageNamesTheirLines() {
        BuiltJob job = yaml("classpath:jobs/functions.yaml");

        assertThat(job.optimizedPlan()).contains("split_path(").contains("max_len(url)");
        assertThat(LineageExtractor.of(job).functions())
                .extracting(Lineage.FunctionRef::name, Lineage.FunctionRef::declaredBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "url_host", TestingFunctions.UrlHostDeclaration.class.getName()),
                        org.assertj.core.groups.Tuple.tuple(
                                "tidy_text", "classpath:jobs/functions.yaml:4:30"),
                        org.assertj.core.groups.Tuple.tuple(
                                "split_path", "classpath:jobs/functions.yaml:5:31"),
                        org.assertj.core.groups.Tuple.tuple(
                                "max_len", "classpath:jobs/functions.yaml:6:28"));
    }

    @Test
    void unusedFunctionsAreNotInLineage() {
        Lineage lineage =
                LineageExtractor.of(
                        build(Jobs.load("src/test/resources/jobs/click-stats.yaml", LOADER)));

        assertThat(lineage.functions()).isEmpty();
        assertThat(lineage.toJson()).doesNotContain("functions");
    }

    @Test
    void wrongArgumentTypeInYamlNamesTheFilePositionAndTheSignature() {
        assertThatThrownBy(() -> yaml("src/test/resources/bad/job-function-signature.yaml"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("job 'function-signature'")
                .hasMessageContaining("at src/test/resources/bad/job-function-signature.yaml:7:23")
                .hasMessageContaining("tidy_text(");
    }

    @Test
    void wrongArgumentTypeInJavaNamesTheSourceLine() {
        assertThatThrownBy(() -> build(new TestingFunctions.WrongArgument()))
                .isInstanceOf(DslException.class)
                .hasMessageMatching("(?s)job 'wrong-argument' .* at TestingFunctions.java:\\d+: .*")
                .hasMessageContaining("tidy_text");
    }

    @Test
    void unknownClassNamesTheFilePosition() {
        assertThatThrownBy(() -> yaml("src/test/resources/bad/job-function-class.yaml"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("src/test/resources/bad/job-function-class.yaml:3:30: class")
                .hasMessageContaining("TestingFunctions$Normalise")
                .hasMessageContaining("is not on the class path");
    }

    @Test
    void classThatIsNoFunctionIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> yaml("src/test/resources/bad/job-function-not-udf.yaml"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("src/test/resources/bad/job-function-not-udf.yaml:4:12")
                .hasMessageContaining("is not a Flink function: extend ScalarFunction");
    }

    @Test
    void aFunctionDeclaredTwiceIsRefusedWithBothOrigins() {
        Functions.Builder b =
                Functions.builder()
                        .add(
                                FunctionDef.of(
                                        "url_host", TestingFunctions.UrlHost.class, "a.yaml:3"));

        assertThatThrownBy(
                        () ->
                                b.add(
                                        FunctionDef.of(
                                                "URL_HOST",
                                                TestingFunctions.Normalize.class,
                                                "b.yaml:4")))
                .isInstanceOf(DslException.class)
                .hasMessage(
                        "function 'URL_HOST' is declared twice: in a.yaml:3 and in b.yaml:4;"
                                + " rename or remove one");
    }

    @Test
    void badNameIsRefused() {
        assertThatThrownBy(() -> FunctionDef.of("url-host", TestingFunctions.UrlHost.class, "x"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("not a SQL identifier");
    }
}

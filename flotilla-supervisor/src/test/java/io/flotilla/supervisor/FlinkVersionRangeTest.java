package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.FlinkVersion;
import io.flotilla.supervisor.model.FlinkVersionRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Flink version range grammar: what each form allows, and what a bad one is told. */
class FlinkVersionRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        ">=2.0 <2.3, 2.0.0, true",
        ">=2.0 <2.3, 2.2.9, true",
        ">=2.0 <2.3, 2.3.0, false",
        ">=2.0 <2.3, 1.20.1, false",
        ">=2.1, 2.1.0, true",
        ">=2.1, 3.0.0, true",
        ">=2.1, 2.0.9, false",
        ">2.1, 2.1.0, false",
        ">2.1, 2.1.1, true",
        "<=2.2, 2.2.0, true",
        "<=2.2, 2.2.1, false",
        "2.2.x, 2.2.0, true",
        "2.2.x, 2.2.7, true",
        "2.2.x, 2.3.0, false",
        "2.2.x, 2.1.9, false",
        "2.x, 2.9.0, true",
        "2.x, 3.0.0, false",
        "2.0.0, 2.0.0, true",
        "2.0.0, 2.0.1, false",
        "=2.0, 2.0.0, true",
        ">= 2.0 < 2.3, 2.1.0, true",
        ">=2.10, 2.9.0, false",
        ">=2.10, 2.10.0, true"
    })
    void aRangeContainsTheVersionsItsComparisonsAllow(String range, String version, boolean in) {
        assertThat(FlinkVersionRange.parse(range).contains(FlinkVersion.parse(version)))
                .isEqualTo(in);
    }

    @Test
    void versionsCompareNumericallyAndMissingPartsAreZero() {
        assertThat(FlinkVersion.parse("2.10")).isGreaterThan(FlinkVersion.parse("2.9.9"));
        assertThat(FlinkVersion.parse("2")).isEqualTo(new FlinkVersion(2, 0, 0));
        assertThat(FlinkVersion.parse("2.1")).isEqualTo(FlinkVersion.parse("2.1.0"));
    }

    @Test
    void aClustersReportedVersionMayCarryASuffixAndNonsenseIsUnknown() {
        assertThat(FlinkVersion.reported("2.1-SNAPSHOT")).isEqualTo(new FlinkVersion(2, 1, 0));
        assertThat(FlinkVersion.reported("2.3.0")).isEqualTo(new FlinkVersion(2, 3, 0));
        assertThat(FlinkVersion.reported("<unknown>")).isNull();
        assertThat(FlinkVersion.reported(null)).isNull();
    }

    @Test
    void theRangeKeepsItsTextWithSpacesCollapsed() {
        assertThat(FlinkVersionRange.parse("  >=2.0    <2.3 ").text()).isEqualTo(">=2.0 <2.3");
        assertThat(FlinkVersionRange.parse(">= 2.0").toString()).isEqualTo(">=2.0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", " ", "abc", "2.0.0.1", ">=", "=>2.0", "~2.0", "2.x.1", ">=2.x", "2.0-rc1"
            })
    void aBadRangeIsRefusedWithTheRuleAndAnExample(String bad) {
        assertThatThrownBy(() -> FlinkVersionRange.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a Flink version range")
                .hasMessageContaining("e.g. \">=2.0 <2.3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {">=2.3 <2.0", ">2.0 <2.0", ">=2.3 2.2.x", "2.0.0 2.0.1"})
    void aRangeNoVersionIsInIsRefused(String empty) {
        assertThatThrownBy(() -> FlinkVersionRange.parse(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must match some version")
                .hasMessageContaining("e.g. \">=2.0 <2.3\"");
    }

    @Test
    void aSpecWithABadRangeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Specs.spec("orders", "c1").withFlinkVersion("two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("flinkVersion must be a Flink version range");
        DeploymentSpec spec = Specs.spec("orders", "c1").withFlinkVersion(" >=2.0  <2.3");
        assertThat(spec.flinkVersion()).isEqualTo(">=2.0 <2.3");
        assertThat(spec.flinkRange().contains(FlinkVersion.parse("2.2"))).isTrue();
        assertThat(Specs.spec("orders", "c1").flinkRange()).isNull();
    }
}

package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.FlinkVersion;
import io.flotilla.supervisor.model.FlinkVersionRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of Flink version ranges: {@code contains} agrees with comparing to the bounds. */
class FlinkVersionRangePropertyTest {

    @Property(tries = 500)
    void aHalfOpenRangeContainsExactlyTheVersionsBetweenItsBounds(
            @ForAll("versions") FlinkVersion low,
            @ForAll("versions") FlinkVersion high,
            @ForAll("versions") FlinkVersion v) {
        if (low.compareTo(high) >= 0) {
            return;
        }
        FlinkVersionRange range = FlinkVersionRange.parse(">=" + low + " <" + high);
        assertThat(range.contains(v)).isEqualTo(low.compareTo(v) <= 0 && v.compareTo(high) < 0);
    }

    @Property(tries = 500)
    void eachOperatorAgreesWithCompare(
            @ForAll("operators") String op,
            @ForAll("versions") FlinkVersion bound,
            @ForAll("versions") FlinkVersion v) {
        int c = v.compareTo(bound);
        boolean expected =
                switch (op) {
                    case ">=" -> c >= 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    case "<" -> c < 0;
                    default -> c == 0;
                };
        assertThat(FlinkVersionRange.parse(op + bound).contains(v)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void aMinorWildcardIsThatMinorsPatches(
            @ForAll("versions") FlinkVersion prefix, @ForAll("versions") FlinkVersion v) {
        FlinkVersionRange range =
                FlinkVersionRange.parse(prefix.major() + "." + prefix.minor() + ".x");
        assertThat(range.contains(v))
                .isEqualTo(v.major() == prefix.major() && v.minor() == prefix.minor());
    }

    @Property(tries = 300)
    void aRangeReadFromItsOwnTextIsTheSame(
            @ForAll("operators") String op1,
            @ForAll("versions") FlinkVersion a,
            @ForAll("operators") String op2,
            @ForAll("versions") FlinkVersion b) {
        FlinkVersionRange range;
        try {
            range = FlinkVersionRange.parse(op1 + a + " " + op2 + b);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("must match some version");
            return;
        }
        assertThat(FlinkVersionRange.parse(range.text())).isEqualTo(range);
    }

    @Provide
    Arbitrary<FlinkVersion> versions() {
        Arbitrary<Integer> part = Arbitraries.integers().between(0, 4);
        return Combinators.combine(Arbitraries.integers().between(1, 3), part, part)
                .as(FlinkVersion::new);
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of(">=", ">", "<=", "<", "=", "");
    }
}

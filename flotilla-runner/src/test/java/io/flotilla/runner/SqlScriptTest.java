package io.flotilla.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading, variable substitution and statement splitting of SQL scripts. */
class SqlScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script =
                "-- a comment; not a statement\n"
                        + "CREATE TABLE t (s STRING) WITH ('x' = 'a;b');\n"
                        + "\n"
                        + "INSERT INTO t SELECT `we;ird` FROM u; -- trailing; comment\n"
                        + "SELECT \"q;\"";
        assertThat(SqlScript.split(script))
                .containsExactly(
                        new SqlScript.Statement("CREATE TABLE t (s STRING) WITH ('x' = 'a;b')", 2),
                        new SqlScript.Statement("INSERT INTO t SELECT `we;ird` FROM u", 4),
                        new SqlScript.Statement("SELECT \"q;\"", 5));
    }

    @Test
    void unterminatedQuoteNamesTheLine() {
        assertThatThrownBy(() -> SqlScript.split("SELECT 1;\n\nSELECT 'oops"))
                .hasMessage("line 3: unterminated ' quote in the statement");
    }

    @Test
    void substitutesVariablesAndNamesAnUnsetOneWithItsLine() {
        assertThat(SqlScript.substitute("a ${x} b ${y.z} ${x}", Map.of("x", "1", "y.z", "$2")))
                .isEqualTo("a 1 b $2 1");
        assertThatThrownBy(() -> SqlScript.substitute("a\nb ${missing}", Map.of()))
                .hasMessage("line 2: variable ${missing} is not set: pass --set missing=...");
    }

    @Test
    void loadsFromTheClasspathOrNamesWhatIsMissing() {
        assertThat(SqlScript.load("classpath:sql/orders_stats.sql")).contains("upsert-kafka");
        assertThatThrownBy(() -> SqlScript.load("classpath:sql/nope.sql"))
                .hasMessage("--sql classpath:sql/nope.sql: no such resource in the runner jar");
        assertThatThrownBy(() -> SqlScript.load("/no/such/file.sql"))
                .hasMessageStartingWith("--sql /no/such/file.sql: cannot read the file");
    }

    @Test
    void theBundledOrdersScriptHasTwoSetsThreeDefinitionsAndOneInsert() {
        List<SqlScript.Statement> statements =
                SqlScript.split(SqlScript.load("classpath:sql/orders_stats.sql"));
        assertThat(statements).hasSize(6);
        assertThat(statements.get(5).sql()).startsWith("INSERT INTO order_stats");
    }
}

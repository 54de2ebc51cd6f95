package io.flotilla.dsl.job;

import io.flotilla.dsl.DslException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Expressions;
import org.apache.flink.table.api.Table;

/**
 * SQL inserts in the Java DSL: a column written as a SQL expression with an optional alias, {@code
 * callSql("LOWER(name) AS name")}, {@code callSql("PROCTIME() AS proctime")}.
 */
public final class SqlColumns {

    // A trailing "AS alias" outside any parentheses; CAST(x AS INT) keeps its AS.
    private static final Pattern ALIAS =
            Pattern.compile("(?is)^(.*\\S)\\s+AS\\s+(`?)([A-Za-z_][A-Za-z0-9_]*)\\2\\s*$");

    private SqlColumns() {}

    /**
     * The SQL expression {@code sql}, named by its {@code AS alias} if it has one; Flink's own
     * {@code callSql} takes no alias.
     */
    public static ApiExpression callSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new DslException(
                    "callSql needs a SQL expression such as \"LOWER(name) AS name\"");
        }
        Matcher m = ALIAS.matcher(sql.strip());
        if (m.matches() && balanced(m.group(1))) {
            return Expressions.callSql(m.group(1)).as(m.group(3));
        }
        return Expressions.callSql(sql.strip());
    }

    /** {@code table} with exactly the columns {@code sql}, each a SQL expression. */
    public static Table selectSql(Table table, String... sql) {
        return table.select(expressions(sql));
    }

    /** {@code table} plus the columns {@code sql}, e.g. {@code "PROCTIME() AS proctime"}. */
    public static Table addColumnsSql(Table table, String... sql) {
        return table.addColumns(expressions(sql));
    }

    private static ApiExpression[] expressions(String... sql) {
        ApiExpression[] out = new ApiExpression[sql.length];
        for (int i = 0; i < sql.length; i++) {
            out[i] = callSql(sql[i]);
        }
        return out;
    }

    private static boolean balanced(String sql) {
        int depth = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
        return depth == 0 && !quoted;
    }
}

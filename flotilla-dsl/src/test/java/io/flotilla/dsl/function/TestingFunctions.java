package io.flotilla.dsl.function;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import io.flotilla.dsl.job.FlotillaJob;
import io.flotilla.dsl.job.JobContext;
import java.util.Locale;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.functions.TableFunction;

/** Java functions of each kind for the tests, a declaration of one, and jobs that call them. */
public final class TestingFunctions {

    private TestingFunctions() {}

    /** Scalar: trims and lower-cases. */
    public static final class Normalize extends ScalarFunction {
        public String eval(String s) {
            return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Scalar: the host part of a URL, declared once for every job (a shared functions jar). */
    public static final class UrlHost extends ScalarFunction {
        public String eval(String url) {
            if (url == null) {
                return null;
            }
            String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
    }

    /** The declaration listed in META-INF/services. */
    public static final class UrlHostDeclaration implements FunctionDeclaration {
        @Override
        public FunctionDef function() {
            return FunctionDef.of("url_host", UrlHost.class, getClass().getName());
        }
    }

    /** Table: one row per path segment. */
    public static final class SplitPath extends TableFunction<String> {
        public void eval(String url) {
            if (url != null) {
                for (String part : url.split("/")) {
                    collect(part);
                }
            }
        }
    }

    /** Aggregate: the length of the longest string. */
    public static final class MaxLength extends AggregateFunction<Integer, MaxLength.Acc> {
        /** The longest length so far. */
        public static final class Acc {
            public int max;
        }

        @Override
        public Acc createAccumulator() {
            return new Acc();
        }

        @Override
        public Integer getValue(Acc acc) {
            return acc.max;
        }

        public void accumulate(Acc acc, String s) {
            if (s != null) {
                acc.max = Math.max(acc.max, s.length());
            }
        }
    }

    /** Not a function at all. */
    public static final class NotAFunction {}

    /** A Java job declaring and calling one function of each kind. */
    public static final class UdfJob implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.function("tidy_text", Normalize.class);
            ctx.function("split_path", SplitPath.class);
            ctx.function("max_len", MaxLength.class);
            Table clicks = ctx.from("clicks");
            ctx.insertInto(
                    "discard",
                    clicks.joinLateral(call("split_path", $("url")).as("part"))
                            .select($("user_id"), call("tidy_text", $("part")).as("url")));
            ctx.insertInto(
                    "discard",
                    clicks.groupBy($("user_id"))
                            .select(
                                    call("max_len", $("url")).as("user_id"),
                                    call(
                                                    "url_host",
                                                    $("user_id")
                                                            .cast(
                                                                    org.apache.flink.table.api
                                                                            .DataTypes.STRING()))
                                            .as("url")));
        }
    }

    /** Calls a string function on an INT column. */
    public static final class WrongArgument implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.function("tidy_text", Normalize.class);
            ctx.insertInto(
                    "discard",
                    ctx.from("clicks")
                            .select($("user_id"), call("tidy_text", $("user_id")).as("url")));
        }
    }
}

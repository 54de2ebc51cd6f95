package io.flotilla.dsl.job;

import static io.flotilla.dsl.job.SqlColumns.callSql;
import static org.apache.flink.table.api.Expressions.$;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/** Small Java jobs over {@code TestingTables}, good and bad. */
final class TestingJobs {

    private TestingJobs() {}

    /** Clicks per user and window into files, and every click into a second sink. */
    public static final class ClickStats implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            Table clicks = ctx.from(io.flotilla.dsl.TestingTables.Clicks.class);
            Duration window = Duration.ofSeconds(ctx.config().getLong("window-seconds", 60));
            Table counts =
                    ctx.tumble(clicks, "ts", window)
                            .groupBy($("window_start"), $("window_end"), $("user_id"))
                            .select($("window_start"), $("user_id"), $("url").count().as("clicks"));
            ctx.insertInto("click_counts", counts);
            ctx.insertInto("discard", clicks.select($("user_id"), $("url")));
        }
    }

    /** Clicks joined with users through SQL and a view. */
    public static final class ClickNames implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.view(
                    "named",
                    ctx.sql(
                            "SELECT c.user_id, u.name FROM clicks c JOIN users u ON c.user_id = u.id"));
            ctx.insertSql("INSERT INTO discard SELECT user_id, name FROM named");
        }
    }

    /** Custom DataStream logic in the middle: a running count per user. */
    public static final class RunningCount implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            DataStream<Row> clicks =
                    ctx.toDataStream(ctx.from("clicks").select($("user_id"), $("url")));
            DataStream<Row> counted =
                    clicks.keyBy(r -> (Integer) r.getField("user_id"), Types.INT)
                            .process(new CountPerUser())
                            .returns(
                                    Types.ROW_NAMED(
                                            new String[] {"user_id", "url"},
                                            Types.INT,
                                            Types.STRING));
            Table back =
                    ctx.fromDataStream(
                            counted,
                            Schema.newBuilder()
                                    .column("user_id", DataTypes.INT())
                                    .column("url", DataTypes.STRING())
                                    .build());
            ctx.insertInto("discard", back);
        }
    }

    /** Emits each click with its running count as the url. */
    static final class CountPerUser extends KeyedProcessFunction<Integer, Row, Row> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(Row.of(row.getField("user_id"), String.valueOf(n)));
        }
    }

    /** Selects a column that does not exist. */
    public static final class BadColumn implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.insertInto("discard", ctx.from("clicks").select($("user_id"), $("uri")));
        }
    }

    /** Reads a table nobody declared. */
    public static final class UnknownTable implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.insertInto("discard", ctx.from("clickz"));
        }
    }

    /** Writes rows of the wrong shape into a sink. */
    public static final class SinkMismatch implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.insertInto("click_counts", ctx.from("clicks").select($("user_id"), $("url")));
        }
    }

    /** Builds nothing to write. */
    public static final class NoSink implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.from("clicks");
        }
    }

    /** The seed's SQL inserts: SQL column expressions with aliases and a processing time. */
    public static final class SqlInserts implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            Table clicks =
                    SqlColumns.addColumnsSql(
                            ctx.from("clicks").select(callSql("LOWER(url) AS url"), $("user_id")),
                            "PROCTIME() AS proctime");
            Table perMinute =
                    ctx.tumble(clicks, "proctime", Duration.ofMinutes(1))
                            .groupBy($("window_start"), $("window_end"), $("user_id"))
                            .select($("window_start"), $("user_id"), $("url").count().as("clicks"));
            ctx.insertInto("click_counts", perMinute);
        }
    }

    /** A SQL column expression naming a column that does not exist. */
    public static final class BadSqlColumn implements FlotillaJob {
        @Override
        public void build(JobContext ctx) {
            ctx.insertInto(
                    "discard",
                    ctx.from("clicks").select($("user_id"), callSql("LOWER(uri) AS url")));
        }
    }
}

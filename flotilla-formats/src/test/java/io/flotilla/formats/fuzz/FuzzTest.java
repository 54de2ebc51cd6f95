package io.flotilla.formats.fuzz;

import static io.flotilla.formats.Schemas.rowType;
import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.BYTES;
import static org.apache.flink.table.api.DataTypes.DATE;
import static org.apache.flink.table.api.DataTypes.DECIMAL;
import static org.apache.flink.table.api.DataTypes.DOUBLE;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.FLOAT;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.MAP;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.SMALLINT;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIME;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP_LTZ;
import static org.apache.flink.table.api.DataTypes.TINYINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.flotilla.formats.MalformedRecordException;
import io.flotilla.formats.RowDeserializationSchema;
import io.flotilla.formats.Schemas;
import io.flotilla.formats.yson.YsonFormatOptions.Encoding;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes each reader (TSKV, text YSON, binary YSON) with 100,000 inputs from a fixed seed: every
 * input must be decided, as a row or as the format's own {@link MalformedRecordException}, in under
 * 10 ms; with ignore-parse-errors the same inputs are skipped and counted instead.
 */
// A hang guard, not a speed assertion: one input that takes minutes (a decimal exponent scaled by
// BigDecimal did) would otherwise stall the build before the per-input bound could report it.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FuzzTest {
    static final int INPUTS = 100_000;

    /**
     * Per-input bound on the thread's CPU time (so that other processes on a loaded machine do not
     * count); an input over it is retried twice, so that a JIT compile alone cannot fail it.
     */
    static final long LIMIT_NANOS = 10_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static final RowType SCHEMA =
            rowType(
                    FIELD("id", BIGINT()),
                    FIELD("name", STRING()),
                    FIELD("cost", DECIMAL(10, 2)),
                    FIELD("big", DECIMAL(38, 6)),
                    FIELD("tags", ARRAY(STRING())),
                    FIELD("address", ROW(FIELD("city", STRING()), FIELD("zip", INT()))),
                    FIELD("ts", TIMESTAMP(3)),
                    FIELD("ltz", TIMESTAMP_LTZ(3)),
                    FIELD("day", DATE()),
                    FIELD("t", TIME(3)),
                    FIELD("d", DOUBLE()),
                    FIELD("f", FLOAT()),
                    FIELD("ok", BOOLEAN()),
                    FIELD("bin", BYTES()),
                    FIELD("m", MAP(STRING(), INT())),
                    FIELD("mi", MAP(INT(), STRING())),
                    FIELD("tiny", TINYINT()),
                    FIELD("small", SMALLINT()),
                    FIELD("nested", ARRAY(ROW(FIELD("a", DOUBLE()), FIELD("b", ARRAY(BIGINT()))))));

    @Test
    void tskvReaderDecidesEveryInputQuicklyWithItsOwnError() {
        List<byte[]> seeds = new ArrayList<>();
        for (RowData row : FuzzSeeds.rows()) {
            seeds.add(Schemas.tskvWriter(SCHEMA).serialize(row));
        }
        FuzzSeeds.tskvLines().forEach(s -> seeds.add(Schemas.utf8(s)));
        run("tskv", 0x75CA_0001L, seeds, FuzzSeeds.TSKV_TOKENS, tskv(false), tskv(true));
    }

    @Test
    void textYsonReaderDecidesEveryInputQuicklyWithItsOwnError() {
        List<byte[]> seeds = new ArrayList<>();
        for (RowData row : FuzzSeeds.rows()) {
            seeds.add(Schemas.ysonWriter(SCHEMA, Encoding.TEXT).serialize(row));
        }
        FuzzSeeds.ysonTexts().forEach(s -> seeds.add(Schemas.utf8(s)));
        run("text YSON", 0x7E57_0002L, seeds, FuzzSeeds.YSON_TOKENS, yson(false), yson(true));
    }

    @Test
    void binaryYsonReaderDecidesEveryInputQuicklyWithItsOwnError() {
        List<byte[]> seeds = new ArrayList<>();
        for (RowData row : FuzzSeeds.rows()) {
            seeds.add(Schemas.ysonWriter(SCHEMA, Encoding.BINARY).serialize(row));
        }
        run("binary YSON", 0xB1_0003L, seeds, FuzzSeeds.YSON_TOKENS, yson(false), yson(true));
    }

    private static RowDeserializationSchema tskv(boolean ignore) {
        return Schemas.tskvReader(SCHEMA, ignore, false);
    }

    private static RowDeserializationSchema yson(boolean ignore) {
        return Schemas.ysonReader(SCHEMA, ignore, false);
    }

    private static void run(
            String format,
            long seed,
            List<byte[]> seeds,
            List<String> tokens,
            RowDeserializationSchema strict,
            RowDeserializationSchema lenient) {
        for (byte[] s : seeds) {
            assertThat(decide(strict, s)).as("seed %s decodes", hex(s)).isTrue();
        }
        FuzzInputs inputs = new FuzzInputs(seed, seeds, tokens);
        long slowest = 0;
        byte[] slowestInput = new byte[0];
        long malformed = 0;
        long started = System.nanoTime();
        long startedCpu = THREADS.getCurrentThreadCpuTime();
        long bytes = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = inputs.next();
            bytes += input.length;
            long took = Long.MAX_VALUE;
            boolean ok = true;
            // Retried only when merely slow: a pathological input (10x the bound) fails at once.
            for (int attempt = 0;
                    attempt == 0
                            || (attempt < 3 && took > LIMIT_NANOS / 10 && took < 10 * LIMIT_NANOS);
                    attempt++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                ok = decide(strict, input);
                took = Math.min(took, THREADS.getCurrentThreadCpuTime() - t0);
            }
            if (took > LIMIT_NANOS) {
                fail("%s input %d took %.1f ms: %s", format, i, took / 1e6, hex(input));
            }
            if (took > slowest) {
                slowest = took;
                slowestInput = input;
            }
            if (!ok) {
                malformed++;
            }
            if (i % 8 == 0) {
                assertSkippedIffMalformed(format, lenient, input, ok);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - startedCpu) / 1e9;
        System.out.printf(
                "FUZZ %s: %d inputs (%d malformed, %d bytes on average), slowest %.3f ms CPU"
                        + " (%d bytes), total %.1f s (%.1f s CPU)%n",
                format,
                INPUTS,
                malformed,
                bytes / INPUTS,
                slowest / 1e6,
                slowestInput.length,
                seconds,
                cpu);
        System.out.println("FUZZ slowest " + format + " input: " + hex(slowestInput));
    }

    /** True for a row, false for the format's error; anything else fails the test. */
    private static boolean decide(RowDeserializationSchema reader, byte[] input) {
        try {
            RowData row = reader.deserialize(input);
            if (row == null) {
                fail("a strict reader returned null for %s", hex(input));
            }
            return true;
        } catch (MalformedRecordException e) {
            return false;
        } catch (Throwable e) {
            throw new AssertionError("input " + hex(input) + " threw " + e, e);
        }
    }

    private static void assertSkippedIffMalformed(
            String format, RowDeserializationSchema lenient, byte[] input, boolean ok) {
        long before = lenient.skippedRecords();
        RowData row;
        try {
            row = lenient.deserialize(input);
        } catch (Throwable e) {
            throw new AssertionError(format + " lenient reader threw on " + hex(input), e);
        }
        assertThat(row != null).as(() -> "row for " + hex(input)).isEqualTo(ok);
        assertThat(lenient.skippedRecords()).isEqualTo(before + (ok ? 0 : 1));
    }

    static String hex(byte[] b) {
        byte[] shown = b.length > 200 ? java.util.Arrays.copyOf(b, 200) : b;
        return HexFormat.ofDelimiter(" ").formatHex(shown) + (b.length > 200 ? " ..." : "");
    }
}

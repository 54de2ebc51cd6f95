package io.flotilla.bench.formats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same codecs as {@link FormatsBench}, timed by the thread's CPU time and interleaved round by
 * round, so that other processes on a loaded machine shift every format alike; prints the median ns
 * per record and the ratio against json. A cross-check of the JMH figures, not a replacement.
 */
public final class FormatsCpuBench {
    private FormatsCpuBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Blackhole bh =
                new Blackhole(
                        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        System.out.printf("%-8s %-18s %12s %10s%n", "schema", "benchmark", "ns/record", "vs json");
        for (String schema : List.of("flat", "nested")) {
            FormatsBench b = new FormatsBench();
            b.schema = schema;
            b.setUp();
            Map<String, Op> ops = new LinkedHashMap<>();
            ops.put("decodeJson", b::decodeJson);
            ops.put("decodeJsonTree", b::decodeJsonTree);
            ops.put("decodeTskv", b::decodeTskv);
            ops.put("decodeYsonBinary", b::decodeYsonBinary);
            ops.put("decodeYsonText", b::decodeYsonText);
            ops.put("encodeJson", b::encodeJson);
            ops.put("encodeTskv", b::encodeTskv);
            ops.put("encodeYsonBinary", b::encodeYsonBinary);
            ops.put("encodeYsonText", b::encodeYsonText);
            Map<String, long[]> samples = new LinkedHashMap<>();
            ops.keySet().forEach(k -> samples.put(k, new long[rounds]));
            for (int warm = 0; warm < 20; warm++) {
                for (Op op : ops.values()) {
                    for (int i = 0; i < 10; i++) {
                        op.run(bh);
                    }
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Op> e : ops.entrySet()) {
                    long start = cpu.getCurrentThreadCpuTime();
                    for (int i = 0; i < 20; i++) {
                        e.getValue().run(bh);
                    }
                    samples.get(e.getKey())[r] = cpu.getCurrentThreadCpuTime() - start;
                }
            }
            Map<String, Double> nsPerRecord = new LinkedHashMap<>();
            samples.forEach((k, v) -> nsPerRecord.put(k, median(v) / (20.0 * FormatsBench.ROWS)));
            for (Map.Entry<String, Double> e : nsPerRecord.entrySet()) {
                String json = e.getKey().startsWith("decode") ? "decodeJson" : "encodeJson";
                System.out.printf(
                        "%-8s %-18s %12.0f %9.2fx%n",
                        schema, e.getKey(), e.getValue(), nsPerRecord.get(json) / e.getValue());
            }
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One benchmark method. */
    @FunctionalInterface
    private interface Op {
        void run(Blackhole bh) throws Exception;
    }
}

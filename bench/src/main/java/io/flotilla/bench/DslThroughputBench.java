package io.flotilla.bench;

import io.flotilla.bench.dsl.BenchTables;
import io.flotilla.bench.dsl.BoundedOrdersJob;
import io.flotilla.bench.dsl.JobJars;
import io.flotilla.dsl.job.PlanText;
import io.flotilla.dsl.run.JobArgs;
import io.flotilla.local.JobWaits;
import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSettings;
import io.flotilla.local.Progress;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.JarRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;

/**
 * The orders job in the Java DSL against the same job hand-written on the Table API, on one local
 * session cluster for the same bounded input, alternating which runs first: rows per second from
 * Flink's own job duration, per round and as means, and the DSL/hand-written ratio. Run by {@code
 * bench/dsl-throughput.sh}; not a test.
 */
public final class DslThroughputBench {

    static final String DSL_ENTRY = "io.flotilla.dsl.run.JobMain";
    static final String DSL_JOB = "io.flotilla.examples.orders.dsl.OrdersDslJob";
    static final String HAND_ENTRY = BoundedOrdersJob.class.getName();
    private static final Duration WAIT = Duration.ofMinutes(5);

    /** One finished job: Flink's duration (created to FINISHED), and RUNNING to FINISHED. */
    record Run(long durationMs, long runningMs) {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 6_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long window = args.length > 3 ? Long.parseLong(args[3]) : 10;
        Path work = repo.resolve("bench/target/dsl-throughput");
        deleteTree(work);
        Path tables = BenchTables.write(work.resolve("tables"), rows);
        long warmRows = Math.max(1, rows / 4);
        Path warmTables = BenchTables.write(work.resolve("warm-up-tables"), warmRows);
        Path jar = JobJars.pack(Files.createDirectories(work).resolve("orders-bench.jar"));
        List<String> dslArgs =
                List.of(
                        "--job",
                        DSL_JOB,
                        "--tables",
                        tables.toString(),
                        "--window-seconds",
                        String.valueOf(window));
        List<String> handArgs = handArgs(rows, window);
        List<String> warmDslArgs = new ArrayList<>(dslArgs);
        warmDslArgs.set(3, warmTables.toString());
        System.out.printf(
                "job jar %s (%d KiB), %d rows per job, %d s windows, %d rounds%n",
                jar, Files.size(jar) / 1024, rows, window, rounds);
        comparePlans(dslArgs, rows, window, work);

        LocalSettings settings =
                LocalSettings.parse(
                        List.of(
                                "--home",
                                work.resolve("home").toString(),
                                "--clusters",
                                "1",
                                "--slots",
                                "2",
                                "--kafka",
                                "false"),
                        Map.of());
        try (LocalPlatform platform = LocalPlatform.start(settings, new Progress(System.out));
                FlinkRest flink =
                        FlinkRest.connect(
                                platform.clusters().get(0).restUrl(), Duration.ofSeconds(60))) {
            String jarId = flink.uploadJar(jar);
            JobWaits waits = new JobWaits(flink);
            // Warm-up, not counted: both entry classes loaded, the TaskManager's JIT warm.
            Run warmHand = run(flink, waits, jarId, HAND_ENTRY, handArgs(warmRows, window));
            Run warmDsl = run(flink, waits, jarId, DSL_ENTRY, warmDslArgs);
            System.out.printf(
                    "warm-up (%d rows): hand-written %.0f rows/s, DSL %.0f rows/s%n",
                    warmRows,
                    rate(warmRows, warmHand.durationMs()),
                    rate(warmRows, warmDsl.durationMs()));
            System.out.println("load average before the rounds: " + loadAverage());

            System.out.println(
                    "| round | first | hand-written (s) | hand-written rows/s | DSL (s) | DSL rows/s"
                            + " | DSL / hand-written |");
            System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            List<Run> hand = new ArrayList<>();
            List<Run> dsl = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                // Alternate which goes first, so that a drift in the machine's load (other
                // processes on the same cores) weighs on both sides alike.
                boolean handFirst = i % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    if ((k == 0) == handFirst) {
                        hand.add(run(flink, waits, jarId, HAND_ENTRY, handArgs));
                    } else {
                        dsl.add(run(flink, waits, jarId, DSL_ENTRY, dslArgs));
                    }
                }
                Run h = hand.get(i);
                Run d = dsl.get(i);
                System.out.printf(
                        "| %d | %s | %.2f | %.0f | %.2f | %.0f | %.2fx |%n",
                        i + 1,
                        handFirst ? "hand-written" : "DSL",
                        h.durationMs() / 1e3,
                        rate(rows, h.durationMs()),
                        d.durationMs() / 1e3,
                        rate(rows, d.durationMs()),
                        rate(rows, d.durationMs()) / rate(rows, h.durationMs()));
            }
            System.out.println("load average after the rounds: " + loadAverage());
            summary(rows, hand, dsl);
        }
    }

    /** Plans both jobs locally, as the JobManager does, and prints a hash of each plan. */
    private static void comparePlans(List<String> dslArgs, long rows, long window, Path work)
            throws IOException {
        String dslPlan =
                JobArgs.parse(dslArgs)
                        .build(DslThroughputBench.class.getClassLoader(), Map.of())
                        .optimizedPlan();
        String handPlan =
                PlanText.section(
                        BoundedOrdersJob.build(rows, window).explain(),
                        "== Optimized Execution Plan ==");
        Files.writeString(work.resolve("plan-dsl.txt"), dslPlan);
        Files.writeString(work.resolve("plan-hand-written.txt"), handPlan);
        System.out.println("optimized plan, hand-written: sha256 " + sha256(handPlan));
        System.out.println("optimized plan, DSL:          sha256 " + sha256(dslPlan));
        if (!dslPlan.equals(handPlan)) {
            throw new IllegalStateException(
                    "the two jobs plan differently, so their throughput is not comparable: see "
                            + work.resolve("plan-dsl.txt")
                            + " and "
                            + work.resolve("plan-hand-written.txt"));
        }
        System.out.println("the plans are identical:");
        System.out.println(handPlan);
    }

    private static Run run(
            FlinkRest flink, JobWaits waits, String jarId, String entry, List<String> args) {
        JobID id = JobID.generate();
        flink.runJar(jarId, new JarRun(entry, args, 1, id, null, null));
        JobStatus end = waits.terminal(id, WAIT);
        if (end != JobStatus.FINISHED) {
            throw new IllegalStateException(
                    "job " + id + " (" + entry + ") ended " + end + ", not FINISHED");
        }
        JobDetailsInfo job = flink.job(id);
        long running =
                job.getTimestamps().get(JobStatus.FINISHED)
                        - job.getTimestamps().get(JobStatus.RUNNING);
        return new Run(job.getDuration(), running);
    }

    private static void summary(long rows, List<Run> hand, List<Run> dsl) {
        double handMs = mean(hand.stream().mapToLong(Run::durationMs).toArray());
        double dslMs = mean(dsl.stream().mapToLong(Run::durationMs).toArray());
        double handRunMs = mean(hand.stream().mapToLong(Run::runningMs).toArray());
        double dslRunMs = mean(dsl.stream().mapToLong(Run::runningMs).toArray());
        System.out.println();
        System.out.println(
                "| measure | hand-written mean | DSL mean | DSL / hand-written (throughput) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        System.out.printf("| job duration (s) | %.2f | %.2f | |%n", handMs / 1e3, dslMs / 1e3);
        System.out.printf(
                "| rows/s over the job duration | %.0f | %.0f | %.3fx |%n",
                rate(rows, handMs), rate(rows, dslMs), handMs / dslMs);
        System.out.printf(
                "| rows/s from RUNNING to FINISHED | %.0f | %.0f | %.3fx |%n",
                rate(rows, handRunMs), rate(rows, dslRunMs), handRunMs / dslRunMs);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < hand.size(); i++) {
            ratios.add((double) hand.get(i).durationMs() / dsl.get(i).durationMs());
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        double median =
                sorted.size() % 2 == 1
                        ? sorted.get(sorted.size() / 2)
                        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(
                "%nDSL / hand-written throughput per round: median %.3fx, from %.2fx to %.2fx%n",
                median, sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static List<String> handArgs(long rows, long window) {
        return List.of("--rows", String.valueOf(rows), "--window-seconds", String.valueOf(window));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double rate(long rows, double ms) {
        return rows / (ms / 1e3);
    }

    private static double mean(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return (double) sum / values.length;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

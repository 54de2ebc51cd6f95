package io.flotilla.bench;

import io.flotilla.local.Artifacts;
import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSettings;
import io.flotilla.local.LocalSupervisor;
import io.flotilla.local.Progress;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.JarRun;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.ReleaseRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A release through the supervisor against the same stop-with-savepoint and run-from-savepoint done
 * directly on Flink's REST API, side by side on one local cluster, alternating which goes first.
 * Both are timed from the request to the new job RUNNING with all its tasks RUNNING, seen through
 * Flink's REST API by the same 20 ms poll. Run by {@code bench/release.sh}; not a test.
 */
public final class ReleaseBench {

    private static final String ENTRY = "io.flotilla.examples.orders.OrdersJob";
    private static final List<String> ARGS =
            List.of("--checkpoint-interval", "1", "--sink", "blackhole", "--rows-per-second", "50");
    private static final String NAME = "bench-release";
    private static final Duration LIMIT = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path jar =
                repo.resolve("examples/orders/target/flotilla-example-orders-0.1.0-SNAPSHOT.jar");
        Path home = repo.resolve("bench/target/release-home");
        deleteTree(home);
        LocalSettings settings =
                LocalSettings.parse(
                        List.of(
                                "--home",
                                home.toString(),
                                "--clusters",
                                "1",
                                "--slots",
                                "6",
                                "--kafka",
                                "false"),
                        Map.of());
        try (LocalPlatform platform = LocalPlatform.start(settings, new Progress(System.out));
                FlinkRest flink =
                        FlinkRest.connect(
                                platform.clusters().get(0).restUrl(), Duration.ofSeconds(60));
                LocalSupervisor supervisor = LocalSupervisor.start(platform)) {
            SupervisorClient api = supervisor.client();
            Artifacts.Published artifact;
            try (S3Client s3 = platform.s3().client()) {
                artifact = Artifacts.publish(s3, jar, "bench");
            }
            String jarId = flink.uploadJar(jar);
            api.create(
                    DeploymentRequest.create(
                                    NAME,
                                    "bench",
                                    "examples/orders",
                                    "1",
                                    artifact.uri(),
                                    artifact.sha256(),
                                    ENTRY,
                                    ARGS,
                                    "cluster-1")
                            .withParallelism(parallelism));
            JobID first = JobID.generate();
            flink.runJar(jarId, new JarRun(ENTRY, ARGS, parallelism, first, null, null, null));
            await("the supervisor's first job", () -> settled(api, flink));
            await("the raw job RUNNING with a checkpoint", () -> checkpointed(flink, first));
            JobID raw = first;

            List<Long> viaSupervisor = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                boolean supervisorFirst = i % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    if ((k == 0) == supervisorFirst) {
                        viaSupervisor.add(release(api, flink, artifact, i + 2));
                    } else {
                        long t0 = System.nanoTime();
                        raw = rawRelease(flink, jarId, raw, parallelism);
                        direct.add(System.nanoTime() - t0);
                    }
                }
                // Untimed: both new jobs settle (a checkpoint each, the release done) before the
                // next round, so neither round starts with the other's work in flight.
                JobID lastRaw = raw;
                await("the supervisor's job settled", () -> settled(api, flink));
                await("the raw job checkpointed", () -> checkpointed(flink, lastRaw));
                System.out.printf(
                        "round %d (%s first): supervisor %.0f ms, Flink REST %.0f ms%n",
                        i + 1,
                        supervisorFirst ? "supervisor" : "Flink REST",
                        ms(viaSupervisor.get(i)),
                        ms(direct.get(i)));
            }
            System.out.println();
            System.out.println(
                    "| release (stop with savepoint, run from it, all tasks RUNNING) | Flink REST (ms) | supervisor (ms) | ratio |");
            System.out.println("| --- | ---: | ---: | ---: |");
            System.out.printf(
                    "| median of %d | %.0f | %.0f | %.2fx |%n",
                    rounds,
                    median(direct),
                    median(viaSupervisor),
                    median(viaSupervisor) / median(direct));
            System.out.printf(
                    "| mean of %d | %.0f | %.0f | %.2fx |%n",
                    rounds, mean(direct), mean(viaSupervisor), mean(viaSupervisor) / mean(direct));
            RouteTimes.print(
                    "sidecar", platform.sidecar("cluster-1").uri(), platform.sidecarToken());
            RouteTimes.print(
                    "supervisor",
                    supervisor.uri(),
                    supervisor.token(),
                    java.util.regex.Pattern.compile(
                            "flotilla_supervisor_(?:follow_up|tick)_duration_seconds_(count|sum)(\\{.*\\})? ([0-9.eE+-]+)"));
        }
    }

    /** Releases version {@code version} through the API; the time until its job runs. */
    private static long release(
            SupervisorClient api, FlinkRest flink, Artifacts.Published artifact, int version) {
        String old = api.deployment(NAME).status().jobId();
        long t0 = System.nanoTime();
        api.release(
                NAME,
                new ReleaseRequest(
                        String.valueOf(version),
                        artifact.uri(),
                        artifact.sha256(),
                        "SAVEPOINT",
                        null));
        String[] next = {null};
        await(
                "the released job RUNNING",
                () -> {
                    if (next[0] == null) {
                        String jobId = api.deployment(NAME).status().jobId();
                        if (jobId == null || jobId.equals(old)) {
                            return false;
                        }
                        next[0] = jobId;
                    }
                    return allRunning(flink, JobID.fromHexString(next[0]));
                });
        return System.nanoTime() - t0;
    }

    /** Stop with savepoint and run from it, straight on Flink's REST API. */
    private static JobID rawRelease(FlinkRest flink, String jarId, JobID old, int parallelism) {
        var trigger =
                flink.stopWithSavepoint(
                        old, "s3://flotilla-state/cluster-1/savepoints/bench-raw", false);
        String[] location = {null};
        await(
                "the raw savepoint",
                () -> {
                    var result = flink.savepoint(old, trigger);
                    if (result.queueStatus().getId().name().equals("IN_PROGRESS")) {
                        return false;
                    }
                    if (result.resource().getFailureCause() != null) {
                        throw new IllegalStateException(
                                "savepoint failed: " + result.resource().getFailureCause());
                    }
                    location[0] = result.resource().getLocation();
                    return true;
                });
        JobID next = JobID.generate();
        flink.runJar(jarId, new JarRun(ENTRY, ARGS, parallelism, next, location[0], null, null));
        await("the raw job RUNNING", () -> allRunning(flink, next));
        return next;
    }

    private static boolean settled(SupervisorClient api, FlinkRest flink) {
        DeploymentView d = api.deployment(NAME);
        return d.status().jobId() != null
                && d.status().release() == null
                && d.status().lastCheckpoint() != null
                && allRunning(flink, JobID.fromHexString(d.status().jobId()));
    }

    private static boolean checkpointed(FlinkRest flink, JobID job) {
        return allRunning(flink, job)
                && flink.checkpoints(job).getCounts().getNumberCompletedCheckpoints() > 0;
    }

    private static boolean allRunning(FlinkRest flink, JobID job) {
        try {
            var info = flink.job(job);
            return info.getJobStatus() == JobStatus.RUNNING
                    && info.getJobVertexInfos().stream()
                            .allMatch(v -> v.getExecutionState().name().equals("RUNNING"));
        } catch (RuntimeException e) {
            return false; // not known to the JobManager yet
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1
                ? ms(sorted.get(n / 2))
                : (ms(sorted.get(n / 2 - 1)) + ms(sorted.get(n / 2))) / 2;
    }

    private static double mean(List<Long> nanos) {
        return ms((long) nanos.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
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

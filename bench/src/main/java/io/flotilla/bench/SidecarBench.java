package io.flotilla.bench;

import io.flotilla.local.Artifacts;
import io.flotilla.local.JobWaits;
import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSettings;
import io.flotilla.local.Progress;
import io.flotilla.local.SidecarWaits;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.JarRun;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.state.StateObject;
import io.flotilla.sidecar.state.StateService;
import io.flotilla.sidecar.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sidecar overhead against Flink's REST API, side by side in one run (submit; stop with savepoint),
 * and listing plus cleanup planning of a prefix of 100,000 objects on the local S3. Run by {@code
 * bench/sidecar.sh}; not a test.
 */
public final class SidecarBench {

    private static final String ENTRY = "io.flotilla.examples.orders.OrdersJob";
    private static final List<String> ARGS =
            List.of("--checkpoint-interval", "1", "--sink", "blackhole");

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int objects = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path jar =
                repo.resolve("examples/orders/target/flotilla-example-orders-0.1.0-SNAPSHOT.jar");
        Path home = repo.resolve("bench/target/sidecar-home");
        deleteTree(home);
        LocalSettings settings =
                LocalSettings.parse(
                        List.of(
                                "--home",
                                home.toString(),
                                "--clusters",
                                "1",
                                "--slots",
                                "4",
                                "--kafka",
                                "false"),
                        Map.of());
        try (LocalPlatform platform = LocalPlatform.start(settings, new Progress(System.out));
                FlinkRest flink =
                        FlinkRest.connect(
                                platform.clusters().get(0).restUrl(), Duration.ofSeconds(60))) {
            SidecarClient sidecar =
                    new SidecarClient(platform.sidecars().get(0).uri(), platform.sidecarToken());
            Artifacts.Published artifact;
            try (S3Client s3 = platform.s3().client()) {
                artifact = Artifacts.publish(s3, jar, "bench");
            }
            String jarId = flink.uploadJar(jar);
            JobWaits waits = new JobWaits(flink);
            // Warm-up: one job each way, so both paths find the jar uploaded and the planner
            // loaded.
            JobID warmA = direct(flink, waits, jarId);
            String warmB = viaSidecar(sidecar, artifact, waits);
            waits.checkpointAfter(warmA, 0, Duration.ofSeconds(60));
            SidecarWaits.until(
                    sidecar,
                    warmB,
                    Duration.ofSeconds(60),
                    "checkpoint",
                    j -> j.completedCheckpoints() != null && j.completedCheckpoints() > 0);
            stop(flink, waits, warmA);
            sidecarStop(sidecar, warmB);

            List<Long> submitDirect = new ArrayList<>();
            List<Long> submitSidecar = new ArrayList<>();
            List<Long> stopDirect = new ArrayList<>();
            List<Long> stopSidecar = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                // Alternate which goes first: the first job's deployment slows the second call.
                boolean directFirst = i % 2 == 0;
                JobID a = null;
                String b = null;
                for (int k = 0; k < 2; k++) {
                    long t0 = System.nanoTime();
                    if ((k == 0) == directFirst) {
                        a = direct(flink, waits, jarId);
                        submitDirect.add(System.nanoTime() - t0);
                    } else {
                        b = viaSidecar(sidecar, artifact, waits);
                        submitSidecar.add(System.nanoTime() - t0);
                    }
                }
                waits.checkpointAfter(a, 0, Duration.ofSeconds(60));
                SidecarWaits.until(
                        sidecar,
                        b,
                        Duration.ofSeconds(60),
                        "checkpoint",
                        j -> j.completedCheckpoints() != null && j.completedCheckpoints() > 0);
                for (int k = 0; k < 2; k++) {
                    long t0 = System.nanoTime();
                    if ((k == 0) == directFirst) {
                        stop(flink, waits, a);
                        stopDirect.add(System.nanoTime() - t0);
                    } else {
                        sidecarStop(sidecar, b);
                        stopSidecar.add(System.nanoTime() - t0);
                    }
                }
                System.out.printf(
                        "round %d: submit %.0f / %.0f ms, stop %.0f / %.0f ms (direct / sidecar)%n",
                        i + 1,
                        ms(submitDirect.get(i)),
                        ms(submitSidecar.get(i)),
                        ms(stopDirect.get(i)),
                        ms(stopSidecar.get(i)));
            }
            System.out.println();
            // Means, not medians: the order alternates every round, and only the mean weighs the
            // slow first and fast second call of each pair equally on both sides.
            System.out.println(
                    "| call | Flink REST mean (ms) | sidecar mean (ms) | ratio of means | ratio of medians |");
            System.out.println("| --- | ---: | ---: | ---: | ---: |");
            row(
                    "submit (jar already on the JobManager) until the call returns",
                    submitDirect,
                    submitSidecar);
            row("stop with savepoint until COMPLETED", stopDirect, stopSidecar);

            stateListing(platform, home, objects);
        }
    }

    private static JobID direct(FlinkRest flink, JobWaits waits, String jarId) {
        JobID id = JobID.generate();
        flink.runJar(jarId, new JarRun(ENTRY, ARGS, 1, id, null, null));
        return id;
    }

    private static String viaSidecar(
            SidecarClient sidecar, Artifacts.Published artifact, JobWaits waits) {
        String id = JobID.generate().toHexString();
        sidecar.submit(
                new JobApi.SubmitRequest(
                        new JobApi.ArtifactRef(artifact.uri(), artifact.sha256()),
                        ENTRY,
                        ARGS,
                        1,
                        id,
                        null,
                        null));
        return id;
    }

    private static void stop(FlinkRest flink, JobWaits waits, JobID id) {
        waits.savepoint(
                id,
                flink.stopWithSavepoint(
                        id, "s3://flotilla-state/cluster-1/savepoints/" + id, false),
                Duration.ofSeconds(60));
    }

    private static void sidecarStop(SidecarClient sidecar, String id) {
        JobApi.Operation op = sidecar.await(sidecar.stop(id, false), Duration.ofSeconds(60));
        if (!op.status().equals("COMPLETED")) {
            throw new IllegalStateException("stop failed: " + op);
        }
    }

    /**
     * Cleanup planning over {@code count} objects: the sidecar's own cost (catalog, guard and
     * retention plan over an in-memory store), then the whole path through a real sidecar and
     * s3proxy for a tenth of them, since s3proxy's filesystem backend lists slowly.
     */
    private static void stateListing(LocalPlatform platform, Path home, int count)
            throws IOException {
        List<StateObject> objects = new ArrayList<>();
        java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
        for (int j = 0; j < count / 50; j++) {
            String job = String.format("%032x", j + 1);
            for (int c = 1; c <= 10; c++) {
                String dir = "bench/checkpoints/" + job + "/chk-" + c + "/";
                objects.add(new StateObject(dir + "_metadata", 16, t.plusSeconds(c)));
                for (int f = 1; f < 5; f++) {
                    objects.add(new StateObject(dir + "state-" + f, 16, t.plusSeconds(c)));
                }
            }
        }
        StateStore memory =
                new StateStore() {
                    @Override
                    public List<StateObject> list(String bucket, String keyPrefix) {
                        return objects;
                    }

                    @Override
                    public void delete(String bucket, String key) {}
                };
        try (StateService service =
                new StateService(
                        memory,
                        List::of,
                        "s3://flotilla-state/bench",
                        java.time.Clock.systemUTC())) {
            for (int run = 1; run <= 3; run++) {
                long t0 = System.nanoTime();
                int listed = service.list().size();
                double listS = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                io.flotilla.sidecar.state.StateApi.Outcome plan =
                        service.retention(2, Duration.ZERO, List.of(), true);
                double planS = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        "in-memory store, %d objects, run %d: list %.2f s (%d entries), retention plan %.2f s (%d would go, %d kept)%n",
                        objects.size(),
                        run,
                        listS,
                        listed,
                        planS,
                        plan.deleted().size(),
                        plan.kept().size());
            }
        }

        int onS3 = count / 10;
        Path root = home.resolve("s3/flotilla-state/bench-s3");
        byte[] payload = new byte[16];
        for (int j = 0; j < onS3 / 50; j++) {
            String job = String.format("%032x", j + 1);
            for (int c = 1; c <= 10; c++) {
                Path dir = root.resolve("checkpoints/" + job + "/chk-" + c);
                Files.createDirectories(dir);
                Files.write(dir.resolve("_metadata"), payload);
                for (int f = 1; f < 5; f++) {
                    Files.write(dir.resolve("state-" + f), payload);
                }
            }
        }
        try (io.flotilla.local.process.SidecarProcess bench =
                platform.extraSidecar("cluster-1", "s3://flotilla-state/bench-s3", List.of())) {
            SidecarClient client = new SidecarClient(bench.uri(), platform.sidecarToken());
            for (int run = 1; run <= 2; run++) {
                long t0 = System.nanoTime();
                var list = client.state();
                double listS = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                var plan =
                        client.retention(
                                new io.flotilla.sidecar.state.StateApi.RetentionRequest(
                                        2, "0s", null, true));
                double planS = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        "sidecar + s3proxy, %d objects, run %d: GET /v1/state %.1f s (%d entries); retention dry run %.1f s (%d would go)%n",
                        onS3, run, listS, list.entries().size(), planS, plan.deleted().size());
            }
        }
    }

    private static void row(String what, List<Long> direct, List<Long> sidecar) {
        double d = mean(direct);
        double s = mean(sidecar);
        System.out.printf(
                "| %s | %.0f | %.0f | %.2fx | %.2fx |%n",
                what, d, s, s / d, median(sidecar) / median(direct));
    }

    private static double mean(List<Long> nanos) {
        return ms((long) nanos.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return ms(sorted.get(sorted.size() / 2));
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

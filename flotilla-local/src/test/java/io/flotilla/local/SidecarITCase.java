package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.SidecarProcess;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.client.SidecarException;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.state.StateApi;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The sidecar on the real platform: job life cycle, idempotent submit, state guard, bad input. */
class SidecarITCase {

    private static final Duration WAIT = Duration.ofSeconds(120);

    static LocalPlatform platform;
    static SidecarClient sidecar;
    static Artifacts.Published example;

    @BeforeAll
    static void startPlatform() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("sidecar"), 1);
        sidecar = new SidecarClient(platform.sidecars().get(0).uri(), platform.sidecarToken());
        example = TestingPlatforms.publishExample(platform);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static JobApi.SubmitRequest orders(String jobId, String restorePath) {
        return new JobApi.SubmitRequest(
                new JobApi.ArtifactRef(example.uri(), example.sha256()),
                Demo.ENTRY_CLASS,
                List.of("--checkpoint-interval", "1", "--sink", "blackhole"),
                1,
                jobId,
                restorePath,
                null);
    }

    @Test
    void jobLivesThroughTheSidecarFromUploadToCancel() {
        String first = JobID.generate().toHexString();
        JobApi.Submitted submitted = sidecar.submit(orders(first, null));
        assertThat(submitted.created()).isTrue();
        SidecarWaits.until(sidecar, first, WAIT, "RUNNING", j -> j.status().equals("RUNNING"));
        JobApi.JobView checkpointed =
                SidecarWaits.until(
                        sidecar,
                        first,
                        WAIT,
                        "a checkpoint",
                        j -> j.completedCheckpoints() != null && j.completedCheckpoints() > 0);
        assertThat(checkpointed.lastCheckpointPath())
                .startsWith("s3://flotilla-state/cluster-1/checkpoints/" + first);

        JobApi.Operation stop = sidecar.await(sidecar.stop(first, false), WAIT);
        assertThat(stop.status()).isEqualTo("COMPLETED");
        assertThat(stop.location())
                .startsWith("s3://flotilla-state/cluster-1/savepoints/" + first + "/savepoint-");
        SidecarWaits.until(sidecar, first, WAIT, "FINISHED", j -> j.status().equals("FINISHED"));

        // Stopping again answers with the same final savepoint instead of failing.
        JobApi.Operation again = sidecar.stop(first, false);
        assertThat(again.status()).isEqualTo("COMPLETED");
        assertThat(again.location()).isEqualTo(stop.location());
        // So does a sidecar that did not see the stop (restarted): it reads Flink's statistics.
        try (SidecarProcess fresh = platform.extraSidecar("cluster-1", null, List.of())) {
            JobApi.Operation fromFresh =
                    new SidecarClient(fresh.uri(), platform.sidecarToken()).stop(first, false);
            assertThat(fromFresh.location()).isEqualTo(stop.location());
        }

        assertThat(statePaths()).contains(stop.location());

        String second = JobID.generate().toHexString();
        sidecar.submit(orders(second, stop.location()));
        JobApi.JobView restored =
                SidecarWaits.until(
                        sidecar,
                        second,
                        WAIT,
                        "RUNNING, restored",
                        // Flink caches checkpoint statistics for a few seconds: wait them out.
                        j -> j.status().equals("RUNNING") && j.restoredFrom() != null);
        assertThat(restored.restoredFrom()).isEqualTo(stop.location());

        JobApi.Operation cancel = sidecar.await(sidecar.cancel(second), WAIT);
        assertThat(cancel.status()).isEqualTo("COMPLETED");
        assertThat(sidecar.job(second).job().status()).isEqualTo("CANCELED");
        assertThat(sidecar.job(second).logs().jobManager()).endsWith("/jobmanager/log");
    }

    @Test
    void aJarUploadedUnderAnArtifactsNameIsHashedAgainAndNotRunInItsPlace() throws Exception {
        Path dir = Files.createTempDirectory(platform.home(), "forged");
        // The real artifact: the example job, in a jar of its own (another sha256).
        Path real = dir.resolve("orders-copy.jar");
        try (ZipInputStream in =
                        new ZipInputStream(Files.newInputStream(TestingPlatforms.exampleJar()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(real))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
            }
            out.setComment("a copy for " + dir.getFileName());
        }
        Artifacts.Published published;
        try (S3Client s3 = platform.s3().client()) {
            published = Artifacts.publish(s3, real, "forged-test");
        }
        // Someone with access to the JobManager uploads another jar under that sha256's name.
        Path forged =
                Files.move(
                        UpgradeJobJar.build(dir.resolve("other")),
                        dir.resolve(published.sha256() + ".jar"));
        String forgedId;
        try (FlinkRest flink =
                FlinkRest.connect(
                        platform.cluster("cluster-1").restUrl(), Duration.ofSeconds(60))) {
            forgedId = flink.uploadJar(forged);
        }

        // A sidecar that did not upload it itself (as after a restart) finds it by its name.
        try (SidecarProcess fresh = platform.extraSidecar("cluster-1", null, List.of())) {
            SidecarClient client = new SidecarClient(fresh.uri(), platform.sidecarToken());
            String jobId = JobID.generate().toHexString();
            JobApi.Submitted submitted =
                    client.submit(
                            new JobApi.SubmitRequest(
                                    new JobApi.ArtifactRef(published.uri(), published.sha256()),
                                    Demo.ENTRY_CLASS,
                                    List.of("--sink", "blackhole"),
                                    1,
                                    jobId,
                                    null,
                                    null));
            assertThat(submitted.jarId())
                    .isNotEqualTo(forgedId)
                    .endsWith(published.sha256() + ".jar");
            SidecarWaits.until(client, jobId, WAIT, "RUNNING", j -> j.status().equals("RUNNING"));
            client.await(client.cancel(jobId), WAIT);
        }
    }

    @Test
    void tenConcurrentIdenticalSubmitsMakeOneJob() throws Exception {
        String jobId = JobID.generate().toHexString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<JobApi.Submitted>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                results.add(
                        pool.submit(
                                (Callable<JobApi.Submitted>)
                                        () -> sidecar.submit(orders(jobId, null))));
            }
            int created = 0;
            for (Future<JobApi.Submitted> f : results) {
                JobApi.Submitted s = f.get();
                assertThat(s.job().jobId()).isEqualTo(jobId);
                created += s.created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(sidecar.jobs()).filteredOn(j -> j.jobId().equals(jobId)).hasSize(1);
        } finally {
            pool.shutdownNow();
            sidecar.await(sidecar.cancel(jobId), WAIT);
        }
    }

    @Test
    void guardRefusesToDeleteARunningJobsNewestCheckpointOrAPinnedSavepoint() {
        String jobId = JobID.generate().toHexString();
        sidecar.submit(orders(jobId, null));
        JobApi.JobView job =
                SidecarWaits.until(
                        sidecar,
                        jobId,
                        WAIT,
                        "a checkpoint",
                        j -> j.completedCheckpoints() != null && j.completedCheckpoints() > 0);
        JobApi.Operation savepoint = sidecar.await(sidecar.savepoint(jobId, null), WAIT);
        assertThat(savepoint.status()).isEqualTo("COMPLETED");
        try {
            List<String> before = keys();
            // The restore check's listing of one path, on the real S3: that path alone, complete.
            assertThat(sidecar.state(savepoint.location()).entries())
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.path()).isEqualTo(savepoint.location());
                                assertThat(e.complete()).isTrue();
                            });

            SidecarException refused = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                String newest = newestCheckpoint(jobId);
                refused =
                        catchThrowableOfType(
                                SidecarException.class,
                                () ->
                                        sidecar.deleteState(
                                                new StateApi.DeleteRequest(
                                                        List.of(newest, savepoint.location()),
                                                        List.of(),
                                                        null)));
                // Flink subsumed (deleted) the listed newest checkpoint before the call: list
                // again.
                if (refused == null || !"no_such_state".equals(refused.code())) {
                    break;
                }
            }
            assertThat(refused).as("refused").isNotNull();
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("protected_state");
            assertThat(refused.getMessage()).contains("newest");

            SidecarException pinned =
                    catchThrowableOfType(
                            SidecarException.class,
                            () ->
                                    sidecar.deleteState(
                                            new StateApi.DeleteRequest(
                                                    List.of(savepoint.location()),
                                                    List.of(savepoint.location()),
                                                    null)));
            assertThat(pinned.status()).isEqualTo(409);
            assertThat(pinned.getMessage()).contains("pinned");

            StateApi.Outcome retention =
                    sidecar.retention(
                            new StateApi.RetentionRequest(
                                    0, "0s", List.of(savepoint.location()), null));
            assertThat(retention.kept())
                    .extracting(StateApi.PathResult::path)
                    .contains(savepoint.location());
            List<String> after = keys();
            assertThat(after)
                    .anyMatch(
                            k ->
                                    k.contains(
                                            savepoint
                                                            .location()
                                                            .substring(
                                                                    "s3://flotilla-state/".length())
                                                    + "/_metadata"));
            // Flink's newest first, then the listing: the job keeps checkpointing, so a listing
            // taken first can miss a checkpoint completed between the two calls.
            String newestNow = newestCheckpoint(jobId);
            assertThat(statePaths()).contains(newestNow);
            assertThat(before).isNotEmpty();
        } finally {
            sidecar.await(sidecar.cancel(jobId), WAIT);
        }
    }

    @Test
    void badInputGetsAClear4xxAndChangesNothing() throws Exception {
        List<String> jarsBefore = jars();
        // Jobs cancelled by earlier tests may still have their last checkpoint files discarded
        // by Flink in the background: take the baseline once the listing holds still.
        List<String> keysBefore = settledKeys();
        String job = JobID.generate().toHexString();
        String sha = example.sha256();

        assertError(raw("POST", "/v1/jobs", "{\"artifact\": {"), 400, "malformed_json");
        assertError(
                raw("POST", "/v1/jobs", "{\"jobId\": \"" + job + "\", \"colour\": 1}"),
                400,
                "unknown_field");
        assertError(sidecar.post("/v1/jobs", orders("not-a-job-id", null)), 400, "invalid_job_id");
        assertError(sidecar.get("/v1/jobs/" + JobID.generate().toHexString()), 404, "unknown_job");
        assertError(
                sidecar.post("/v1/jobs/" + JobID.generate().toHexString() + "/stop", null),
                404,
                "unknown_job");
        assertError(sidecar.get("/v1/operations/stop.nonsense"), 400, "invalid_job_id");
        assertError(
                sidecar.post(
                        "/v1/state/delete",
                        Map.of("paths", List.of("s3://flotilla-state/cluster-2/x"))),
                400,
                "outside_prefix");
        assertError(
                sidecar.post(
                        "/v1/state/delete",
                        Map.of("paths", List.of("s3://flotilla-state/cluster-1/savepoints/none"))),
                404,
                "no_such_state");
        assertError(
                sidecar.post("/v1/state/retention", Map.of("keepSavepoints", 1, "maxAge", "soon")),
                400,
                "invalid_field");
        assertError(
                new SidecarClient(platform.sidecars().get(0).uri(), "wrong-token-wrong-token")
                        .get("/v1/jobs"),
                401,
                "unauthenticated");
        assertError(
                sidecar.send(
                        HttpRequest.newBuilder(platform.sidecars().get(0).uri().resolve("/v1/jobs"))
                                .header("Authorization", "Basic x")
                                .GET()),
                401,
                "unauthenticated");

        for (String uri :
                List.of(
                        "file:///tmp/job.jar",
                        "http://example.com/job.jar",
                        "https://evil.example.com/job.jar",
                        "s3://other-bucket/job.jar",
                        "s3://flotilla-artifacts/../flotilla-state/job.jar",
                        "s3://flotilla-artifacts/a/%2e%2e/job.jar",
                        "s3://flotilla-artifacts/job.zip")) {
            assertError(submitFrom(uri, sha, job), 400, "untrusted_artifact");
        }
        assertError(submitFrom(example.uri(), "0".repeat(64), job), 400, "checksum_mismatch");
        assertError(submitFrom(example.uri(), "abc", job), 400, "invalid_sha256");

        byte[] notAJar = "this is not a jar".getBytes(StandardCharsets.UTF_8);
        String notAJarSha = sha256(notAJar);
        try (S3Client s3 = platform.s3().client()) {
            s3.putObject(
                    b -> b.bucket("flotilla-artifacts").key("bad/not-a-jar.jar"),
                    RequestBody.fromBytes(notAJar));
        }
        assertError(
                submitFrom("s3://flotilla-artifacts/bad/not-a-jar.jar", notAJarSha, job),
                400,
                "not_a_jar");

        try (SidecarProcess small =
                platform.extraSidecar("cluster-1", null, List.of("--artifact-max-size", "1k"))) {
            // A new jar (unknown sha256) of 4 KiB, against a 1 KiB limit.
            byte[] big = jarWithClassOf(4096);
            try (S3Client s3 = platform.s3().client()) {
                s3.putObject(
                        b -> b.bucket("flotilla-artifacts").key("big/big.jar"),
                        RequestBody.fromBytes(big));
            }
            SidecarClient limited = new SidecarClient(small.uri(), platform.sidecarToken());
            assertError(
                    limited.post(
                            "/v1/jobs",
                            new JobApi.SubmitRequest(
                                    new JobApi.ArtifactRef(
                                            "s3://flotilla-artifacts/big/big.jar", sha256(big)),
                                    Demo.ENTRY_CLASS,
                                    List.of(),
                                    1,
                                    job,
                                    null,
                                    null)),
                    413,
                    "artifact_too_large");
        }

        Map<String, Object> dryRun = Map.of("keepSavepoints", 1, "maxAge", "1d", "dryRun", true);
        assertThat(sidecar.fenced(100).post("/v1/state/retention", dryRun).status()).isEqualTo(200);
        assertError(sidecar.fenced(99).post("/v1/state/retention", dryRun), 409, "stale_leader");

        assertThat(jars()).isEqualTo(jarsBefore);
        assertThat(keys()).containsAll(keysBefore);
        assertThat(sidecar.jobs()).noneMatch(j -> j.jobId().equals(job));
    }

    private static SidecarClient.Reply submitFrom(String uri, String sha, String job) {
        return sidecar.post(
                "/v1/jobs",
                new JobApi.SubmitRequest(
                        new JobApi.ArtifactRef(uri, sha),
                        Demo.ENTRY_CLASS,
                        List.of(),
                        1,
                        job,
                        null,
                        null));
    }

    private static SidecarClient.Reply raw(String method, String path, String body) {
        return sidecar.send(
                HttpRequest.newBuilder(platform.sidecars().get(0).uri().resolve(path))
                        .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertError(SidecarClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo(code);
        assertThat(reply.body().at("/error/message").asText()).isNotBlank().doesNotContain("\tat ");
    }

    private static String newestCheckpoint(String jobId) {
        return sidecar.state().entries().stream()
                .filter(e -> jobId.equals(e.jobId()) && e.newestRestorable())
                .map(StateApi.EntryView::path)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> statePaths() {
        return sidecar.state().entries().stream().map(StateApi.EntryView::path).toList();
    }

    private static List<String> keys() {
        try (S3Client s3 = platform.s3().client()) {
            return s3
                    .listObjectsV2Paginator(b -> b.bucket("flotilla-state").prefix("cluster-1/"))
                    .contents()
                    .stream()
                    .map(o -> o.key())
                    .toList();
        }
    }

    /** The state keys once two listings a second apart agree (at most a minute). */
    private static List<String> settledKeys() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> last = keys();
        while (System.nanoTime() < deadline) {
            io.flotilla.local.process.S3Store.sleep(1000);
            List<String> now = keys();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static List<String> jars() {
        try (var rest =
                io.flotilla.sidecar.flink.FlinkRest.connect(
                        platform.clusters().get(0).restUrl(), Duration.ofSeconds(10))) {
            return rest.jars();
        }
    }

    private static byte[] jarWithClassOf(int size) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var jar = new java.util.jar.JarOutputStream(bytes)) {
            jar.putNextEntry(new java.util.jar.JarEntry("Big.class"));
            byte[] filler = new byte[size];
            new java.util.Random(7).nextBytes(filler);
            jar.write(filler);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

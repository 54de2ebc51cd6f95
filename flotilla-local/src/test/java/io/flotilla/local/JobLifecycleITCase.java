package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.flink.JarRun;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.rest.messages.TriggerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The whole job life cycle on a real local cluster, through Flink's REST API. */
class JobLifecycleITCase {

    private static final Duration WAIT = Duration.ofSeconds(120);

    static LocalPlatform platform;
    static FlinkRest rest;

    @BeforeAll
    static void startPlatform() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("job-lifecycle"), 1);
        rest = FlinkRest.connect(platform.clusters().get(0).restUrl(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopPlatform() {
        if (rest != null) {
            rest.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void jobRunsCheckpointsToS3StopsWithSavepointAndRestoresFromIt() {
        FlinkCluster cluster = platform.clusters().get(0);
        JobWaits waits = new JobWaits(rest);
        String jarId = rest.uploadJar(TestingPlatforms.exampleJar());

        JobID first = JobID.generate();
        assertThat(rest.runJar(jarId, exampleRun(first, null))).isEqualTo(first);
        waits.running(first, WAIT);

        var checkpoint = waits.checkpointAfter(first, 0, WAIT);
        assertThat(checkpoint.getExternalPath())
                .startsWith(cluster.stateUri() + "/checkpoints/" + first + "/chk-");
        assertThat(s3Keys(checkpoint.getExternalPath())).anyMatch(k -> k.endsWith("/_metadata"));

        // The same JobID again, while it runs: Flink refuses it, no second job appears.
        assertThatThrownBy(() -> rest.runJar(jarId, exampleRun(first, null)))
                .isInstanceOf(FlinkRestException.class)
                .hasMessageContaining("DuplicateJobSubmissionException");
        assertThat(rest.jobs()).filteredOn(j -> j.getJobId().equals(first)).hasSize(1);

        String savepointDir = cluster.stateUri() + "/savepoints";
        TriggerId stop = rest.stopWithSavepoint(first, savepointDir, false);
        String savepoint = waits.savepoint(first, stop, WAIT);
        assertThat(savepoint).startsWith(savepointDir + "/savepoint-");
        assertThat(s3Keys(savepoint)).anyMatch(k -> k.endsWith("/_metadata"));
        assertThat(waits.terminal(first, WAIT)).isEqualTo(JobStatus.FINISHED);

        JobID second = JobID.generate();
        rest.runJar(jarId, exampleRun(second, savepoint));
        waits.running(second, WAIT);
        // Flink serves checkpoint statistics from a cache: poll, not one read after RUNNING.
        var restored = waits.restored(second, WAIT);
        assertThat(restored).isNotNull();
        assertThat(restored.getExternalPath()).isEqualTo(savepoint);
        assertThat(restored.isSavepoint()).isTrue();

        rest.cancel(second);
        assertThat(waits.terminal(second, WAIT)).isEqualTo(JobStatus.CANCELED);
    }

    private static JarRun exampleRun(JobID jobId, String savepoint) {
        return new JarRun(
                Demo.ENTRY_CLASS,
                List.of("--checkpoint-interval", "2", "--sink", "blackhole"),
                1,
                jobId,
                savepoint,
                null);
    }

    private static List<String> s3Keys(String s3Path) {
        String withoutScheme = s3Path.substring("s3://".length());
        String bucket = withoutScheme.substring(0, withoutScheme.indexOf('/'));
        String prefix = withoutScheme.substring(bucket.length() + 1);
        try (S3Client s3 = platform.s3().client()) {
            return s3
                    .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                    .contents()
                    .stream()
                    .map(o -> o.key())
                    .toList();
        }
    }
}

package io.flotilla.sidecar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.state.LiveJob;
import org.junit.jupiter.api.Test;

class LiveJobsTest {

    private static final String JOB = "aaaaaa00000000000000000000000001";

    @Test
    void aLiveJobCarriesThePathsFlinkReports() {
        LiveJob j =
                LiveJobs.of(
                        JOB,
                        "RUNNING",
                        () -> new LiveJobs.Paths("s3://b/chk-3", "s3://b/sp", "s3://b/from"));
        assertThat(j)
                .isEqualTo(new LiveJob(JOB, "RUNNING", "s3://b/chk-3", "s3://b/sp", "s3://b/from"));
    }

    @Test
    void statisticsThatCannotBeReadMakeTheAnswerUnknownInsteadOfAJobWithoutPaths() {
        for (int status : new int[] {0, 500, 502, 503}) {
            assertThatThrownBy(
                            () ->
                                    LiveJobs.of(
                                            JOB,
                                            "RUNNING",
                                            () -> {
                                                throw new FlinkRestException(status, "down", null);
                                            }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(JOB);
        }
    }

    @Test
    void aJobWithoutCheckpointingHasNoPathsToProtect() {
        LiveJob j =
                LiveJobs.of(
                        JOB,
                        "RUNNING",
                        () -> {
                            throw new FlinkRestException(
                                    404, "Checkpointing has not been enabled", null);
                        });
        assertThat(j.latestCheckpointPath()).isNull();
    }
}

package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.ObservedJob;
import org.junit.jupiter.api.Test;

/** What a deployment's status takes in from one observation of its job. */
class ObservedStateTest {

    private static final String SAVEPOINT = "s3://flotilla-state/c1/savepoints/j/savepoint-j-1";
    private static final String CHECKPOINT = "s3://flotilla-state/c1/checkpoints/j/chk-1";

    @Test
    void aCheckpointFirstSeenAsTheJobFinishesIsNotWhereTheNextJobStarts() {
        // The savepoint of a stop-with-savepoint is recorded when the operation completes; the
        // first look at the FINISHED job then shows a checkpoint Flink is already deleting.
        DeploymentStatus stopped =
                DeploymentStatus.initial().toBuilder()
                        .lastSavepoint(SAVEPOINT)
                        .newestRestorable(SAVEPOINT)
                        .build();

        DeploymentStatus seen =
                stopped.withObservedState(
                        new ObservedJob("c1", "j", "FINISHED", CHECKPOINT, null, null));

        assertThat(seen.lastCheckpoint()).isEqualTo(CHECKPOINT);
        assertThat(seen.newestRestorable()).isEqualTo(SAVEPOINT);
    }

    @Test
    void aNewCheckpointOfARunningJobIsTheNewestRestorableState() {
        DeploymentStatus seen =
                DeploymentStatus.initial().toBuilder()
                        .newestRestorable(SAVEPOINT)
                        .build()
                        .withObservedState(
                                new ObservedJob("c1", "j", "RUNNING", CHECKPOINT, null, null));

        assertThat(seen.newestRestorable()).isEqualTo(CHECKPOINT);
    }
}

package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.SubmitCommand;
import org.junit.jupiter.api.Test;

/** Releases whose new version the cluster refuses to start, and failing STATELESS releases. */
class ReleaseRollbackTest {

    private final TestingPlatform platform = new TestingPlatform("c1");
    private final TestingCluster c1 = platform.cluster("c1");

    private String runningWithCheckpoint(UpgradeMode mode) {
        platform.deploy(spec("orders", "c1").withUpgradeMode(mode));
        platform.tick();
        String jobId = platform.deployment("orders").status().jobId();
        c1.checkpoint(jobId);
        platform.tick();
        return jobId;
    }

    @Test
    void aReleaseTheClusterRefusesToStartRollsBackFromTheSameSavepoint() {
        String old = runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        platform.tick();
        String savepoint = c1.job(old).lastSavepointPath;
        c1.submitFails = true;

        platform.ticks(2);

        Deployment rolling = platform.deployment("orders");
        assertThat(rolling.status().rolledBackGeneration()).isEqualTo(2);
        assertThat(platform.store.eventsOf("orders", "StartRollback"))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.message())
                                        .contains(
                                                "cluster refused to start generation 2",
                                                "artifact could not be run"));
        c1.submitFails = false;
        platform.ticks(3);

        Deployment back = platform.deployment("orders");
        assertThat(back.status().phase()).isIn(Phase.STARTING, Phase.RUNNING);
        assertThat(back.lastReconciledSpec().version()).isEqualTo("1");
        SubmitCommand rollback = c1.created.get(c1.created.size() - 1);
        assertThat(rollback.restorePath()).isEqualTo(savepoint);
        assertThat(rollback.artifactUri()).isEqualTo(Specs.artifact("orders", "1"));
        assertThat(c1.aliveJobs()).hasSize(1);

        // Not retried until the spec changes again.
        platform.ticks(5);
        assertThat(platform.deployment("orders").lastReconciledSpec().version()).isEqualTo("1");
    }

    @Test
    void aStatelessReleaseThatFailsRollsBackFromThePreviousVersionsNewestState() {
        String old = runningWithCheckpoint(UpgradeMode.STATELESS);
        String newest = platform.deployment("orders").status().newestRestorable();
        assertThat(newest).isNotNull();
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        platform.ticks(3);
        Deployment upgraded = platform.deployment("orders");
        assertThat(upgraded.lastReconciledSpec().version()).isEqualTo("2");
        assertThat(c1.created.get(1).restorePath()).isNull();
        assertThat(upgraded.status().release()).isNotNull();

        c1.fail(upgraded.status().jobId());
        platform.ticks(4);

        Deployment back = platform.deployment("orders");
        assertThat(back.lastReconciledSpec().version()).isEqualTo("1");
        assertThat(back.status().rolledBackGeneration()).isEqualTo(2);
        SubmitCommand rollback = c1.created.get(c1.created.size() - 1);
        assertThat(rollback.restorePath()).isEqualTo(newest);
        assertThat(c1.aliveJobs()).hasSize(1);
        assertThat(c1.job(old).status).isEqualTo("CANCELED");
    }
}

package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpgradeTest {

    private final TestingPlatform platform = new TestingPlatform("c1", "c2");
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
    void savepointUpgradeStopsWithSavepointThenSubmitsTheNewVersionFromExactlyIt() {
        String old = runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));

        platform.tick();
        assertThat(c1.job(old).status).isEqualTo("FINISHED");
        assertThat(c1.created).hasSize(1);
        String savepoint = c1.job(old).lastSavepointPath;
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.UPGRADING);

        platform.ticks(3);

        assertThat(c1.created).hasSize(2);
        SubmitCommand upgraded = c1.created.get(1);
        assertThat(upgraded.restorePath()).isEqualTo(savepoint);
        assertThat(upgraded.artifactUri()).isEqualTo(Specs.artifact("orders", "2"));
        assertThat(upgraded.jobId()).isEqualTo(JobIds.derive("orders", 2, 2));
        assertThat(c1.aliveJobs()).hasSize(1);
        assertThat(platform.deployment("orders").lastReconciledSpec().version()).isEqualTo("2");
        assertThat(platform.deployment("orders").status().release().savepoint())
                .isEqualTo(savepoint);
    }

    @Test
    void releaseIsDoneOnceTheNewVersionCheckpoints() {
        runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        platform.ticks(4);

        c1.checkpoint(platform.deployment("orders").status().jobId());
        platform.tick();

        assertThat(platform.deployment("orders").status().release()).isNull();
        assertThat(platform.store.eventsOf("orders", "MarkRunning")).hasSize(1);
        platform.clock.advance(Duration.ofHours(1));
        platform.ticks(3);
        assertThat(c1.created).hasSize(2);
    }

    @Test
    void statelessUpgradeCancelsThenSubmitsWithoutRestore() {
        String old = runningWithCheckpoint(UpgradeMode.STATELESS);
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));

        platform.ticks(4);

        assertThat(c1.job(old).status).isEqualTo("CANCELED");
        assertThat(c1.stopCalls).isZero();
        assertThat(c1.created).hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isNull();
        assertThat(c1.aliveJobs()).hasSize(1);
    }

    @Test
    void lastStateUpgradeCancelsThenSubmitsFromTheNewestCheckpoint() {
        String old = runningWithCheckpoint(UpgradeMode.LAST_STATE);
        String newest = c1.checkpoint(old);
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));

        platform.ticks(4);

        assertThat(c1.job(old).status).isEqualTo("CANCELED");
        assertThat(c1.created).hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isEqualTo(newest);
    }

    @Test
    void desiredStoppedStopsWithSavepointAndStartingAgainRestoresIt() {
        String old = runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        platform.store.updateSpec("orders", s -> s.withDesiredState(DesiredState.STOPPED));

        platform.ticks(4);

        assertThat(c1.job(old).status).isEqualTo("FINISHED");
        String savepoint = c1.job(old).lastSavepointPath;
        assertThat(savepoint).isNotNull();
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.STOPPED);
        assertThat(platform.deployment("orders").status().jobId()).isNull();
        assertThat(c1.created).hasSize(1);

        platform.store.updateSpec("orders", s -> s.withDesiredState(DesiredState.RUNNING));
        platform.ticks(2);

        assertThat(c1.created).hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isEqualTo(savepoint);
        assertThat(platform.deployment("orders").status().release()).as("same version").isNull();
    }

    @Test
    void failedSavepointKeepsTheOldJobRunningAndRetriesAfterBackoff() {
        String old = runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        c1.savepointFails = true;
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));

        platform.tick();
        platform.tick();

        assertThat(c1.job(old).status).isEqualTo("RUNNING");
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.deployment("orders").status().error()).contains("savepoint");
        platform.ticks(5);
        assertThat(c1.stopCalls).as("backing off").isEqualTo(1);
        assertThat(c1.created).hasSize(1);

        c1.savepointFails = false;
        platform.clock.advance(Duration.ofSeconds(10));
        platform.ticks(4);

        assertThat(c1.created).hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isEqualTo(c1.job(old).lastSavepointPath);
    }

    @Test
    void releaseWhoseJobFailsRollsBackToThePreviousVersionFromTheSameSavepoint() {
        runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        platform.ticks(4);
        String savepoint = c1.created.get(1).restorePath();

        c1.fail(platform.deployment("orders").status().jobId());
        platform.ticks(2);

        assertThat(c1.created).hasSize(3);
        SubmitCommand rollback = c1.created.get(2);
        assertThat(rollback.artifactUri()).isEqualTo(Specs.artifact("orders", "1"));
        assertThat(rollback.restorePath()).isEqualTo(savepoint);
        assertThat(platform.deployment("orders").status().rolledBackGeneration()).isEqualTo(2);
        assertThat(platform.store.eventsOf("orders", "StartRollback")).hasSize(1);

        platform.clock.advance(Duration.ofHours(1));
        platform.ticks(5);
        assertThat(c1.created).as("the rolled-back version is not tried again").hasSize(3);
        assertThat(platform.deployment("orders").lastReconciledSpec().version()).isEqualTo("1");
    }

    @Test
    void moveToAnotherClusterWhoseJobFailsRollsBackToTheOldClusterFromTheSameSavepoint() {
        String old = runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        TestingCluster c2 = platform.cluster("c2");
        platform.store.updateSpec("orders", s -> s.withCluster("c2"));
        platform.ticks(4);
        assertThat(c1.job(old).status).isEqualTo("FINISHED");
        assertThat(c2.created).hasSize(1);
        String savepoint = c2.created.get(0).restorePath();
        assertThat(savepoint).isEqualTo(c1.job(old).lastSavepointPath);
        assertThat(platform.deployment("orders").status().release()).isNotNull();

        c2.fail(c2.created.get(0).jobId());
        platform.ticks(3);

        assertThat(c1.created).as("rolled back onto the old cluster").hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isEqualTo(savepoint);
        assertThat(c2.aliveJobs()).isEmpty();
        assertThat(c1.aliveJobs()).hasSize(1);
        assertThat(platform.deployment("orders").currentCluster()).isEqualTo("c1");
        assertThat(platform.store.eventsOf("orders", "StartRollback")).hasSize(1);
    }

    @Test
    void moveToAnotherClusterIsDoneOnceTheJobThereCheckpoints() {
        runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        TestingCluster c2 = platform.cluster("c2");
        platform.store.updateSpec("orders", s -> s.withCluster("c2"));
        platform.ticks(4);
        c2.checkpoint(c2.created.get(0).jobId());
        platform.tick();

        assertThat(platform.deployment("orders").status().release()).isNull();
        assertThat(platform.deployment("orders").currentCluster()).isEqualTo("c2");
        assertThat(c1.aliveJobs()).isEmpty();
    }

    @Test
    void releaseWithoutACheckpointInTimeIsCancelledAndRolledBack() {
        runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        platform.ticks(4);
        String released = platform.deployment("orders").status().jobId();
        String savepoint = c1.created.get(1).restorePath();

        platform.clock.advance(Duration.ofMinutes(6));
        platform.ticks(3);

        assertThat(c1.job(released).status).isEqualTo("CANCELED");
        assertThat(c1.created).hasSize(3);
        assertThat(c1.created.get(2).artifactUri()).isEqualTo(Specs.artifact("orders", "1"));
        assertThat(c1.created.get(2).restorePath()).isEqualTo(savepoint);
        assertThat(c1.aliveJobs()).hasSize(1);
    }

    @Test
    void operatorChosenSavepointIsWhereTheNextGenerationStarts() {
        String old = runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        String chosen = "s3://flotilla-state/c1/savepoints/savepoint-abcdef-0";
        platform.store.updateSpec("orders", s -> s.withRestoreFrom(chosen));

        platform.ticks(4);

        assertThat(c1.job(old).status).isEqualTo("FINISHED");
        assertThat(c1.created).hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isEqualTo(chosen);

        c1.fail(c1.created.get(1).jobId());
        platform.tick();
        platform.clock.advance(Duration.ofSeconds(10));
        platform.tick();
        assertThat(c1.created.get(2).restorePath())
                .as("after a failure the lineage's newest state, not the chosen one again")
                .isEqualTo(chosen);
    }

    @Test
    void movingToAnotherClusterStopsOnTheOldAndStartsOnTheNew() {
        String old = runningWithCheckpoint(UpgradeMode.SAVEPOINT);
        platform.store.updateSpec("orders", s -> s.withCluster("c2"));

        platform.ticks(4);

        assertThat(c1.job(old).status).isEqualTo("FINISHED");
        TestingCluster c2 = platform.cluster("c2");
        assertThat(c2.created)
                .singleElement()
                .satisfies(
                        c -> assertThat(c.restorePath()).isEqualTo(c1.job(old).lastSavepointPath));
        assertThat(platform.clusters.aliveJobsOf("orders")).hasSize(1);
    }
}

package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureRecoveryTest {

    private final TestingPlatform platform = new TestingPlatform("c1", "c2");
    private final TestingCluster c1 = platform.cluster("c1");
    private final TestingCluster c2 = platform.cluster("c2");

    @Test
    void failedJobIsResubmittedFromItsNewestCheckpointAfterBackoff() {
        platform.deploy(spec("orders", "c1"));
        platform.tick();
        String first = platform.deployment("orders").status().jobId();
        c1.checkpoint(first);
        String newest = c1.checkpoint(first);
        c1.fail(first);

        platform.tick();

        Deployment failed = platform.deployment("orders");
        assertThat(failed.status().phase()).isEqualTo(Phase.FAILED);
        assertThat(failed.status().retries()).isEqualTo(1);
        assertThat(failed.status().nextRetryAt())
                .isEqualTo(platform.clock.now().plus(Duration.ofSeconds(10)));
        assertThat(c1.created).hasSize(1);

        platform.clock.advance(Duration.ofSeconds(9));
        platform.tick();
        assertThat(c1.created).as("still backing off").hasSize(1);

        platform.clock.advance(Duration.ofSeconds(1));
        platform.tick();

        assertThat(c1.created).hasSize(2);
        SubmitCommand resubmit = c1.created.get(1);
        assertThat(resubmit.restorePath()).isEqualTo(newest);
        assertThat(resubmit.jobId()).isNotEqualTo(first).isEqualTo(JobIds.derive("orders", 1, 2));
        assertThat(platform.deployment("orders").status().retries()).isEqualTo(1);
        assertThat(platform.store.eventsOf("orders", "RecordFailure")).hasSize(1);
    }

    @Test
    void repeatedFailuresBackOffExponentiallyUntilTheJobMakesProgress() {
        platform.deploy(spec("orders", "c1"));
        platform.tick();
        for (int retry = 1; retry <= 3; retry++) {
            c1.fail(platform.deployment("orders").status().jobId());
            platform.tick();
            Duration expected = Duration.ofSeconds(10L << (retry - 1));
            assertThat(platform.deployment("orders").status().nextRetryAt())
                    .isEqualTo(platform.clock.now().plus(expected));
            platform.clock.advance(expected);
            platform.tick();
        }
        assertThat(platform.deployment("orders").status().retries()).isEqualTo(3);

        c1.checkpoint(platform.deployment("orders").status().jobId());
        platform.tick();

        assertThat(platform.deployment("orders").status().retries()).isZero();
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void clusterRestartResubmitsEveryJobFromItsNewestCheckpoint() {
        for (int i = 0; i < 5; i++) {
            platform.deploy(spec("job-" + i, "c1"));
        }
        platform.tick();
        c1.checkpointAll();
        c1.checkpointAll();
        platform.tick(); // the supervisor knows only the checkpoints it has observed
        var newest = new java.util.HashMap<String, String>();
        c1.aliveJobs().forEach(j -> newest.put(j.command.deployment(), j.lastCheckpointPath));

        c1.restart();
        platform.tick();
        assertThat(c1.jobs).isEmpty();
        platform.clock.advance(Duration.ofSeconds(10));
        platform.tick();

        assertThat(c1.aliveJobs()).hasSize(5);
        for (TestingCluster.Job job : c1.aliveJobs()) {
            assertThat(job.command.restorePath()).isEqualTo(newest.get(job.command.deployment()));
        }
        assertThat(platform.store.eventsOf("job-0", "RecordFailure").get(0).message())
                .contains("missing from cluster c1");
    }

    @Test
    void unreachableClusterResubmitsNothingWhileOtherClustersAreReconciled() {
        platform.deploy(spec("on-c1", "c1"));
        platform.deploy(spec("on-c2", "c2"));
        platform.tick();
        c1.unreachable = true;
        c2.fail(platform.deployment("on-c2").status().jobId());
        platform.deploy(spec("new-on-c2", "c2"));

        platform.tick();
        platform.clock.advance(Duration.ofMinutes(1));
        platform.tick();

        assertThat(platform.deployment("on-c1").status().phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(platform.deployment("on-c1").status().jobId()).isNotNull();
        assertThat(c1.created).hasSize(1);
        assertThat(c2.created).hasSize(3);
        assertThat(c2.aliveJobs()).hasSize(2);

        c1.unreachable = false;
        platform.clock.advance(Duration.ofMinutes(1));
        platform.tick();

        assertThat(platform.deployment("on-c1").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(c1.created).hasSize(1);
    }

    @Test
    void unreachableClusterIsNotAskedAgainUntilItsBackoffExpires() {
        platform.deploy(spec("on-c1", "c1"));
        c1.unreachable = true;

        platform.tick();
        platform.tick();
        assertThat(c1.listAttempts).isEqualTo(1);
        platform.clock.advance(Duration.ofSeconds(5));
        platform.tick();
        assertThat(c1.listAttempts).isEqualTo(2);
        platform.tick();
        assertThat(c1.listAttempts).as("second failure doubles the wait").isEqualTo(2);

        assertThat(platform.deployment("on-c1").status().phase()).isEqualTo(Phase.UNKNOWN);
        c1.unreachable = false;
        platform.clock.advance(Duration.ofSeconds(10));
        platform.tick();
        assertThat(c1.listCalls).isEqualTo(1);
        assertThat(c1.created).hasSize(1);
    }

    @Test
    void deploymentsOfAnUnreachableClusterAreWrittenOnceNotEveryTick() {
        platform.deploy(spec("a", "c1"));
        platform.deploy(spec("b", "c1"));
        platform.tick();
        c1.unreachable = true;
        platform.tick();
        int saves = platform.store.saves;

        for (int i = 0; i < 5; i++) {
            platform.clock.advance(Duration.ofSeconds(30));
            platform.tick();
        }

        assertThat(platform.store.saves).isEqualTo(saves);
        assertThat(platform.store.eventsOf("a", "MarkUnknown")).hasSize(1);
    }

    @Test
    void refusedSubmitIsRetriedWithTheSameJobIdAfterBackoff() {
        platform.deploy(spec("orders", "c1"));
        c1.submitFails = true;

        platform.tick();

        String jobId = platform.deployment("orders").status().intent().jobId();
        assertThat(platform.deployment("orders").status().retries()).isEqualTo(1);
        c1.submitFails = false;
        platform.tick();
        assertThat(c1.created).isEmpty();

        platform.clock.advance(Duration.ofSeconds(10));
        platform.tick();

        assertThat(c1.created)
                .singleElement()
                .satisfies(c -> assertThat(c.jobId()).isEqualTo(jobId));
    }

    @Test
    void submitFailingAsUnreachableKeepsTheIntentAndItsJobId() {
        platform.deploy(spec("orders", "c1"));
        TestingClusters flaky = platform.clusters;
        // The list answers, the submit does not: the tick must keep the intent it wrote.
        Supervisor supervisor =
                Supervisor.create(
                        platform.store,
                        new io.flotilla.supervisor.port.ClusterPorts(
                                flaky,
                                command -> {
                                    throw new io.flotilla.supervisor.port
                                            .ClusterUnreachableException(
                                            command.cluster(), "timeout");
                                },
                                flaky,
                                flaky),
                        platform.clock,
                        TestingPlatform.CONFIG,
                        7);

        supervisor.tick();

        String jobId = platform.deployment("orders").status().intent().jobId();
        platform.clock.advance(Duration.ofSeconds(5));
        Supervisor healed =
                Supervisor.create(
                        platform.store, flaky.ports(), platform.clock, TestingPlatform.CONFIG, 8);
        healed.tick();

        assertThat(c1.created)
                .singleElement()
                .satisfies(c -> assertThat(c.jobId()).isEqualTo(jobId));
    }
}

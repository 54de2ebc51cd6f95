package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Phase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Event-driven reconcile: after an action, its deployment is looked at again without a tick. */
class FollowUpTest {

    private final TestingPlatform platform = new TestingPlatform("c1", "c2");
    private final TestingCluster c1 = platform.cluster("c1");
    private final TestingCluster c2 = platform.cluster("c2");

    private String running(String name, String cluster) {
        platform.deploy(spec(name, cluster));
        platform.tick();
        String jobId = platform.deployment(name).status().jobId();
        platform.cluster(cluster).checkpoint(jobId);
        platform.tick();
        return jobId;
    }

    /** Runs follow-ups while any is due, moving the clock to each; returns how many ran. */
    private int followUpsUntilSettled() {
        int rounds = 0;
        while (platform.supervisor.nextFollowUp().isPresent()) {
            Instant due = platform.supervisor.nextFollowUp().get();
            if (due.isAfter(platform.clock.now())) {
                platform.clock.advance(Duration.between(platform.clock.now(), due));
            }
            platform.followUp();
            assertThat(++rounds).as("follow-up rounds").isLessThan(20);
        }
        return rounds;
    }

    @Test
    void aReleaseWokenByItsSpecChangeRunsToTheNewJobRunningWithoutATick() {
        String old = running("orders", "c1");
        running("other", "c2");
        int c2Lists = c2.listCalls;
        Instant start = platform.clock.now();
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        platform.supervisor.wake("orders");

        int rounds = followUpsUntilSettled();

        assertThat(rounds).isEqualTo(4); // stop, savepoint completed, submit, RUNNING
        assertThat(platform.clock.now()).as("no follow-up had to wait").isEqualTo(start);
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(c1.aliveJobs())
                .singleElement()
                .satisfies(
                        j -> {
                            assertThat(j.command.artifactUri())
                                    .isEqualTo(Specs.artifact("orders", "2"));
                            assertThat(j.command.restorePath())
                                    .isEqualTo(c1.job(old).lastSavepointPath);
                        });
        assertThat(c2.listCalls).as("the other cluster is not listed").isEqualTo(c2Lists);
    }

    @Test
    void aJobNotYetRunningIsLookedAtAgainAfterFollowUpEveryAndLeftAloneOnceRunning() {
        c1.startsAs = "INITIALIZING";
        platform.deploy(spec("orders", "c1"));
        platform.tick();
        Instant submitted = platform.clock.now();
        assertThat(platform.supervisor.nextFollowUp()).contains(submitted);

        platform.followUp();

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.STARTING);
        assertThat(platform.supervisor.nextFollowUp())
                .contains(submitted.plus(ActionLimits.FOLLOW_UP_EVERY));

        c1.job(platform.deployment("orders").status().jobId()).status = "RUNNING";
        platform.clock.advance(ActionLimits.FOLLOW_UP_EVERY);
        platform.followUp();

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.supervisor.nextFollowUp()).isEmpty();
    }

    @Test
    void aFollowUpWithNothingDueListsNoCluster() {
        running("orders", "c1");
        int lists = platform.clusters.listCalls();

        Supervisor.TickReport report = platform.followUp();

        assertThat(report.deployments()).isZero();
        assertThat(platform.clusters.listCalls()).isEqualTo(lists);
    }

    @Test
    void aDeploymentWithoutChangeForFollowUpForIsLeftToTheTicks() {
        c1.startsAs = "INITIALIZING";
        platform.deploy(spec("orders", "c1"));
        platform.tick();
        platform.followUp();

        platform.clock.advance(ActionLimits.FOLLOW_UP_FOR.plusSeconds(1));
        platform.followUp();

        assertThat(platform.supervisor.nextFollowUp()).isEmpty();
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.STARTING);
    }

    @Test
    void aWakeOfADeletedDeploymentIsForgotten() {
        platform.supervisor.wake("gone");

        Supervisor.TickReport report = platform.followUp();

        assertThat(report.deployments()).isZero();
        assertThat(platform.supervisor.nextFollowUp()).isEmpty();
    }
}

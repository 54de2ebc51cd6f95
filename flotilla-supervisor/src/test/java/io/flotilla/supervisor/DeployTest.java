package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.SubmitCommand;
import org.junit.jupiter.api.Test;

class DeployTest {

    private final TestingPlatform platform = new TestingPlatform("c1");

    @Test
    void firstDeploySubmitsOnceWithTheDerivedJobId() {
        platform.deploy(spec("orders", "c1"));

        platform.tick();

        String expected = JobIds.derive("orders", 1, 1);
        assertThat(platform.cluster("c1").created)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.jobId()).isEqualTo(expected);
                            assertThat(c.restorePath()).isNull();
                            assertThat(c.artifactUri()).isEqualTo(Specs.artifact("orders", "1"));
                            assertThat(c.args()).containsExactly("--rate", "10");
                        });
        Deployment d = platform.deployment("orders");
        assertThat(d.status().jobId()).isEqualTo(expected);
        assertThat(d.status().intent()).isNull();
        assertThat(d.lastReconciledSpec()).isEqualTo(d.spec());
        assertThat(platform.store.eventsOf("orders", "Submitted")).hasSize(1);
    }

    @Test
    void repeatedTicksNeverSubmitTwice() {
        platform.deploy(spec("orders", "c1"));

        platform.ticks(20);

        assertThat(platform.cluster("c1").submitCalls).isEqualTo(1);
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void steadyStateWritesNothing() {
        platform.deploy(spec("orders", "c1"));
        platform.ticks(3);
        int saves = platform.store.saves;

        platform.ticks(10);

        assertThat(platform.store.saves).isEqualTo(saves);
    }

    @Test
    void aRunningJobsCheckpointIsRecordedAndProgressResetsRetries() {
        platform.deploy(spec("orders", "c1"));
        platform.tick();
        String jobId = platform.deployment("orders").status().jobId();
        String checkpoint = platform.cluster("c1").checkpoint(jobId);

        platform.tick();

        assertThat(platform.deployment("orders").status().lastCheckpoint()).isEqualTo(checkpoint);
        assertThat(platform.deployment("orders").status().newestRestorable()).isEqualTo(checkpoint);
    }

    @Test
    void aSpecChangeThatLeavesTheJobAloneIsReconciledWithoutRestart() {
        platform.deploy(spec("orders", "c1"));
        platform.ticks(2);

        platform.store.updateSpec(
                "orders",
                s ->
                        new io.flotilla.supervisor.model.DeploymentSpec(
                                s.name(),
                                "team-b",
                                s.module(),
                                s.version(),
                                s.artifactUri(),
                                s.artifactSha256(),
                                s.entryClass(),
                                s.args(),
                                s.parallelism(),
                                s.desiredState(),
                                s.upgradeMode(),
                                s.cluster(),
                                s.restoreFrom(),
                                s.generation(),
                                s.retention(),
                                s.restarts()));
        platform.ticks(3);

        assertThat(platform.cluster("c1").submitCalls).isEqualTo(1);
        assertThat(platform.cluster("c1").stopCalls).isZero();
        assertThat(platform.deployment("orders").lastReconciledSpec().owner()).isEqualTo("team-b");
    }

    @Test
    void submitCommandCarriesTheFencingToken() {
        platform.deploy(spec("orders", "c1"));

        platform.tick();

        SubmitCommand command = platform.cluster("c1").created.get(0);
        assertThat(command.fencingToken()).isEqualTo(1);
        assertThat(platform.store.events).allSatisfy(e -> assertThat(e.fencingToken()).isOne());
    }
}

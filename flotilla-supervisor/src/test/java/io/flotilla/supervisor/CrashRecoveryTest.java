package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrashRecoveryTest {

    private final TestingPlatform platform = new TestingPlatform("c1");
    private final TestingCluster c1 = platform.cluster("c1");

    @Test
    void crashAfterIntentBeforeSubmitMakesTheNextInstanceSubmitTheSameJobIdOnce() {
        platform.deploy(spec("orders", "c1"));
        c1.crashBeforeNextSubmit = true;

        platform.tickAndCrash();

        Intent intent = platform.deployment("orders").status().intent();
        assertThat(intent.step()).isEqualTo(Intent.Step.SUBMIT);
        assertThat(c1.jobs).isEmpty();

        platform.restartSupervisor();
        platform.ticks(5);

        assertThat(c1.created)
                .singleElement()
                .satisfies(c -> assertThat(c.jobId()).isEqualTo(intent.jobId()));
        assertThat(platform.deployment("orders").status().jobId()).isEqualTo(intent.jobId());
        assertThat(platform.deployment("orders").status().intent()).isNull();
    }

    @Test
    void crashAfterSubmitBeforeStatusWriteAdoptsTheRunningJob() {
        platform.deploy(spec("orders", "c1"));
        c1.crashAfterNextSubmit = true;

        platform.tickAndCrash();

        String jobId = platform.deployment("orders").status().intent().jobId();
        assertThat(platform.deployment("orders").status().jobId()).isNull();

        platform.restartSupervisor();
        platform.ticks(5);

        assertThat(c1.submitCalls).isEqualTo(1);
        assertThat(c1.aliveJobs())
                .singleElement()
                .satisfies(j -> assertThat(j.jobId()).isEqualTo(jobId));
        assertThat(platform.deployment("orders").status().jobId()).isEqualTo(jobId);
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.store.eventsOf("orders", "Adopt")).hasSize(1);
    }

    @Test
    void crashAtTheRoundsBatchedWriteAfterItsSubmitsAdoptsEveryJob() {
        platform.deploy(spec("orders", "c1"));
        platform.deploy(spec("payments", "c1"));
        // Saves 1 and 2 are the intents, each before its submit; 3 is the round's batch of results.
        platform.store.crashAtSave(3);

        platform.tickAndCrash();

        assertThat(c1.submitCalls).isEqualTo(2);
        assertThat(platform.deployment("orders").status().intent()).isNotNull();
        assertThat(platform.deployment("payments").status().intent()).isNotNull();
        platform.restartSupervisor();
        platform.ticks(5);

        assertThat(c1.submitCalls).isEqualTo(2);
        for (String name : java.util.List.of("orders", "payments")) {
            assertThat(platform.deployment(name).status().phase()).isEqualTo(Phase.RUNNING);
            assertThat(platform.deployment(name).status().intent()).isNull();
            assertThat(platform.store.eventsOf(name, "Adopt")).hasSize(1);
        }
    }

    @Test
    void crashBeforeTheIntentIsWrittenLeavesNothingBehind() {
        platform.deploy(spec("orders", "c1"));
        platform.store.crashAtSave(1);

        platform.tickAndCrash();

        assertThat(c1.submitCalls).isZero();
        platform.restartSupervisor();
        platform.ticks(3);
        assertThat(c1.created).hasSize(1);
    }

    @Test
    void crashAfterTheSavepointResumesTheUpgradeFromThatSavepoint() {
        platform.deploy(spec("orders", "c1"));
        platform.ticks(2);
        String oldJob = platform.deployment("orders").status().jobId();
        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        // The stop's intent is saved, the stop happens, then the save of its operation id dies.
        platform.store.crashAtSave(2);

        platform.tickAndCrash();

        assertThat(c1.job(oldJob).status).isEqualTo("FINISHED");
        String savepoint = c1.job(oldJob).lastSavepointPath;
        platform.restartSupervisor();
        platform.ticks(5);

        assertThat(c1.created).hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isEqualTo(savepoint);
        assertThat(c1.created.get(1).artifactUri()).isEqualTo(Specs.artifact("orders", "2"));
        assertThat(c1.aliveJobs()).hasSize(1);
    }

    @Test
    void aStaleInstanceIsFencedOffByTheStore() {
        platform.deploy(spec("orders", "c1"));
        Supervisor old = platform.supervisor;
        platform.restartSupervisor();
        platform.tick();
        platform.clock.advance(Duration.ofMinutes(1));
        c1.fail(platform.deployment("orders").status().jobId());

        Supervisor.TickReport report = old.tick();

        assertThat(report.errors()).isEqualTo(1);
        assertThat(c1.created).hasSize(1);
    }
}

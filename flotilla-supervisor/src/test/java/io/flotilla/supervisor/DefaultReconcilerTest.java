package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.Action.MarkUnknown;
import io.flotilla.supervisor.Action.Nothing;
import io.flotilla.supervisor.Action.StopWithSavepoint;
import io.flotilla.supervisor.Action.Submit;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.JobState;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.ObservedState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on their own, without a loop, store or cluster. */
class DefaultReconcilerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final DefaultReconciler reconciler = new DefaultReconciler(TestingPlatform.CONFIG);

    private static Deployment running(DeploymentSpec spec, String jobId) {
        return new Deployment(spec, spec, Deployment.of(spec).status())
                .withStatus(s -> s.jobId(jobId).phase(Phase.RUNNING).attempts(1));
    }

    private static ObservedState observed(String jobId, String status) {
        ObservedJob job = new ObservedJob("c1", jobId, status, null, null, null);
        return new ObservedState(job.state(), job, null, null);
    }

    @Test
    void unreachableClusterIsMarkedUnknownOnceAndThenLeftAlone() {
        Deployment d = running(spec("orders", "c1"), "j1");

        List<Action> first = reconciler.reconcile(d, ObservedState.unknown("down"), NOW);
        Deployment marked = ((MarkUnknown) first.get(0)).apply(d);
        List<Action> second = reconciler.reconcile(marked, ObservedState.unknown("down"), NOW);

        assertThat(first).singleElement().isInstanceOf(MarkUnknown.class);
        assertThat(marked.status().phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(marked.status().jobId()).as("the job is not given up").isEqualTo("j1");
        assertThat(second).singleElement().isInstanceOf(Nothing.class);
    }

    @Test
    void noSubmitWhileTheCurrentJobIsAliveInAnyNonTerminalStatus() {
        DeploymentSpec v1 = spec("orders", "c1");
        Deployment d =
                new Deployment(v1.withGeneration(2), v1, running(v1, "j1").status())
                        .withStatus(s -> s.phase(Phase.RUNNING));
        for (String status :
                List.of(
                        "CREATED",
                        "INITIALIZING",
                        "RUNNING",
                        "RESTARTING",
                        "FAILING",
                        "CANCELLING",
                        "SUSPENDED",
                        "SOMETHING_NEW")) {
            List<Action> actions = reconciler.reconcile(d, observed("j1", status), NOW);

            assertThat(actions).as(status).noneMatch(a -> a instanceof Submit);
        }
    }

    @Test
    void aSubmitIntentWhoseJobIsAbsentIsSubmittedAgainWithTheSameJobId() {
        DeploymentSpec v1 = spec("orders", "c1");
        Intent intent =
                new Intent(Intent.Step.SUBMIT, "j7", "c1", v1, "s3://x/chk-1", null, null, NOW, 1);
        Deployment d = Deployment.of(v1).withStatus(s -> s.intent(intent).attempts(7));

        List<Action> actions =
                reconciler.reconcile(d, new ObservedState(JobState.NONE, null, null, null), NOW);

        assertThat(actions)
                .singleElement()
                .isEqualTo(new Submit("j7", 0, v1, "s3://x/chk-1", null, true));
    }

    @Test
    void specChangeWhileRunningFollowsTheUpgradeMode() {
        DeploymentSpec v1 = spec("orders", "c1");
        Deployment savepoint =
                new Deployment(
                        Specs.version(v1, "2").withGeneration(2), v1, running(v1, "j1").status());
        Deployment stateless =
                new Deployment(
                        Specs.version(v1, "2")
                                .withUpgradeMode(UpgradeMode.STATELESS)
                                .withGeneration(2),
                        v1,
                        running(v1, "j1").status());

        assertThat(reconciler.reconcile(savepoint, observed("j1", "RUNNING"), NOW))
                .last()
                .isEqualTo(new StopWithSavepoint("c1", "j1", Phase.UPGRADING));
        assertThat(reconciler.reconcile(stateless, observed("j1", "RUNNING"), NOW))
                .last()
                .isEqualTo(new Action.Cancel("c1", "j1", Phase.UPGRADING));
    }

    @Test
    void newestRestorableIsTheRestorePathOfAFailedLineage() {
        DeploymentSpec v1 = spec("orders", "c1");
        Deployment d = running(v1, "j1").withStatus(s -> s.newestRestorable("s3://x/savepoint-1"));
        ObservedJob failed = new ObservedJob("c1", "j1", "FAILED", "s3://x/chk-9", null, null);

        List<Action> actions =
                reconciler.reconcile(
                        d, new ObservedState(JobState.FAILED, failed, null, null), NOW);
        Deployment afterFailure = ((Action.StatusChange) actions.get(0)).apply(d);

        assertThat(afterFailure.status().newestRestorable()).isEqualTo("s3://x/chk-9");
        assertThat(afterFailure.status().jobId()).isNull();
        assertThat(actions.get(1)).isInstanceOf(Nothing.class);
        assertThat(DefaultReconciler.restorePath(afterFailure, v1)).isEqualTo("s3://x/chk-9");
    }
}

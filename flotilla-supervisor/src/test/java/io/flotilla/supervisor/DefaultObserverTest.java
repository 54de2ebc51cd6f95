package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.ClusterObservation;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.JobState;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.ObservedState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultObserverTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final DefaultObserver observer = new DefaultObserver();

    private static Deployment withJob(DeploymentSpec spec, String jobId) {
        return new Deployment(spec, spec, Deployment.of(spec).status())
                .withStatus(s -> s.jobId(jobId));
    }

    @Test
    void jobsAreFoundByJobIdAndAbsentOnesAreMissing() {
        ObservedJob running = new ObservedJob("c1", "j1", "RUNNING", null, null, null);
        Map<String, ClusterObservation> clusters =
                Map.of("c1", ClusterObservation.reached("c1", List.of(running), NOW));

        Map<String, ObservedState> result =
                observer.observe(
                        clusters,
                        List.of(withJob(spec("a", "c1"), "j1"), withJob(spec("b", "c1"), "j2")));

        assertThat(result.get("a").current()).isEqualTo(JobState.RUNNING);
        assertThat(result.get("a").job()).isEqualTo(running);
        assertThat(result.get("b").current()).isEqualTo(JobState.MISSING);
    }

    @Test
    void anUnreachableClusterMakesItsDeploymentsUnknownAndNoOthers() {
        Map<String, ClusterObservation> clusters =
                Map.of(
                        "c1", ClusterObservation.unreachable("c1", NOW, "refused"),
                        "c2", ClusterObservation.reached("c2", List.of(), NOW));

        Map<String, ObservedState> result =
                observer.observe(
                        clusters,
                        List.of(withJob(spec("a", "c1"), "j1"), withJob(spec("b", "c2"), "j2")));

        assertThat(result.get("a").current()).isEqualTo(JobState.UNKNOWN);
        assertThat(result.get("a").reachable()).isFalse();
        assertThat(result.get("b").current()).isEqualTo(JobState.MISSING);
    }

    @Test
    void aDeploymentMovingAwayStaysUnknownWhileItsOldClusterIsUnreachable() {
        DeploymentSpec onC1 = spec("a", "c1");
        DeploymentSpec onC2 =
                new DeploymentSpec(
                        "a",
                        onC1.owner(),
                        onC1.module(),
                        onC1.version(),
                        onC1.artifactUri(),
                        onC1.artifactSha256(),
                        onC1.entryClass(),
                        onC1.args(),
                        1,
                        onC1.desiredState(),
                        onC1.upgradeMode(),
                        "c2",
                        null,
                        2,
                        null,
                        0);
        Deployment moving = new Deployment(onC2, onC1, withJob(onC1, "j1").status());
        Map<String, ClusterObservation> clusters =
                Map.of(
                        "c1", ClusterObservation.unreachable("c1", NOW, "refused"),
                        "c2", ClusterObservation.reached("c2", List.of(), NOW));

        assertThat(observer.observe(clusters, List.of(moving)).get("a").reachable()).isFalse();
    }

    @Test
    void theIntentsJobIsLookedUpOnTheIntentsCluster() {
        DeploymentSpec spec = spec("a", "c1");
        Intent intent = new Intent(Intent.Step.SUBMIT, "j9", "c1", spec, null, null, null, NOW, 1);
        Deployment d = Deployment.of(spec).withStatus(s -> s.intent(intent));
        ObservedJob job = new ObservedJob("c1", "j9", "INITIALIZING", null, null, null);

        ObservedState state =
                observer.observe(
                                Map.of("c1", ClusterObservation.reached("c1", List.of(job), NOW)),
                                List.of(d))
                        .get("a");

        assertThat(state.current()).isEqualTo(JobState.NONE);
        assertThat(state.intentJob()).isEqualTo(job);
    }
}

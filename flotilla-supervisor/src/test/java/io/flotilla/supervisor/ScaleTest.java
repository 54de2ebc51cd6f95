package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A smoke test of the scale: the number of calls, not the time they take. */
class ScaleTest {

    private static final int CLUSTERS = 50;
    private static final int DEPLOYMENTS = 10_000;

    @Test
    void oneTickOver10000DeploymentsOn50ClustersMakesExactly50ListCalls() {
        TestingPlatform platform =
                new TestingPlatform(
                        IntStream.range(0, CLUSTERS).mapToObj(i -> "c" + i).toArray(String[]::new));
        for (int i = 0; i < DEPLOYMENTS; i++) {
            platform.deploy(Specs.spec("job-" + i, "c" + (i % CLUSTERS)));
        }

        Supervisor.TickReport first = platform.tick();

        assertThat(platform.clusters.listCalls()).isEqualTo(CLUSTERS);
        assertThat(first.clusters()).isEqualTo(CLUSTERS);
        assertThat(platform.clusters.created()).hasSize(DEPLOYMENTS);

        Supervisor.TickReport second = platform.tick();

        assertThat(platform.clusters.listCalls()).isEqualTo(2 * CLUSTERS);
        assertThat(second.sideEffects()).isZero();
        assertThat(platform.clusters.all())
                .allSatisfy(c -> assertThat(c.aliveJobs()).hasSize(DEPLOYMENTS / CLUSTERS));
    }
}

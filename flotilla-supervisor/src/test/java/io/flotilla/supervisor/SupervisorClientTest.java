package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiUnreachableException;
import io.flotilla.http.Endpoint;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.ReleaseStatus;
import io.flotilla.supervisor.api.RetentionRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed client against the real API: every call typed, every refusal a typed error. */
class SupervisorClientTest extends SupervisorApiFixture {

    final SupervisorClient admin = new SupervisorClient(api.uri(), ADMIN);
    final SupervisorClient viewer = new SupervisorClient(api.uri(), VIEWER);

    static DeploymentRequest spec(String name) {
        return DeploymentRequest.create(
                        name,
                        "team-orders",
                        "examples/orders",
                        "1",
                        "s3://flotilla-artifacts/orders/1.jar",
                        "0".repeat(64),
                        "io.flotilla.examples.orders.OrdersJob",
                        List.of("--sink", "blackhole"),
                        "cluster-1")
                .withRetention(new RetentionRequest(5, "14d"));
    }

    @Test
    void theSupervisorRoutesExactlyTheEndpointsItsApiModuleLists() {
        assertThat(api.routes())
                .containsExactlyInAnyOrderElementsOf(
                        SupervisorEndpoints.ALL.stream().map(Endpoint::key).toList());
        Set<String> ids = new HashSet<>();
        SupervisorEndpoints.ALL.forEach(e -> assertThat(ids.add(e.operationId())).isTrue());
    }

    @Test
    void aDeploymentIsCreatedChangedAndReadBackThroughTypedCalls() {
        DeploymentView created = admin.create(spec("orders"));
        assertThat(created.generation()).isEqualTo(1);
        assertThat(created.phase()).isEqualTo(Phase.PENDING);
        assertThat(created.spec().retention().maxAge()).isEqualTo(Duration.ofDays(14));

        assertThat(admin.stop("orders", 1L).generation()).isEqualTo(2);
        assertThat(admin.start("orders", null).generation()).isEqualTo(3);
        assertThat(viewer.deployments().deployments())
                .extracting(DeploymentView::name)
                .containsExactly("orders");
        assertThat(viewer.clusters().clusters().get(0).deployments()).isEqualTo(1);
        assertThat(viewer.events("orders", 0, 10).events())
                .extracting(e -> e.type())
                .containsExactly("Created", "Stop", "Start");
        assertThat(viewer.state("orders").retention().keepSavepoints()).isEqualTo(5);
        assertThat(viewer.health().status()).isEqualTo("UP");
        assertThat(viewer.metrics()).contains("flotilla_http_requests");

        Lineage lineage =
                new Lineage(
                        "orders",
                        null,
                        List.of(new LineageTable("orders", "kafka", "orders", "json", null, null)),
                        List.of());
        admin.putLineage("orders", "1", lineage);
        assertThat(viewer.lineage("orders", "1").reads())
                .extracting(LineageTable::name)
                .containsExactly("orders");
    }

    @Test
    void aReleaseIsListedWithItsStatus() {
        admin.create(spec("orders"));
        admin.release(
                "orders",
                new io.flotilla.supervisor.api.ReleaseRequest(
                        "2", "s3://flotilla-artifacts/orders/2.jar", "1".repeat(64), null, null));
        assertThat(viewer.releases("orders").releases())
                .extracting(r -> r.status())
                .containsExactly(ReleaseStatus.REQUESTED);
    }

    @Test
    void refusalsArriveAsTypedErrorsWithStatusCodeAndField() {
        ApiCallException missing =
                catchThrowableOfType(ApiCallException.class, () -> viewer.deployment("nope"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("no_such_deployment");
        assertThat(missing.field()).isEqualTo("name");

        ApiCallException forbidden =
                catchThrowableOfType(ApiCallException.class, () -> viewer.create(spec("x")));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("forbidden");

        ApiCallException bad =
                catchThrowableOfType(
                        ApiCallException.class,
                        () ->
                                admin.create(
                                        DeploymentRequest.create(
                                                "y",
                                                "team",
                                                "m",
                                                "1",
                                                "s3://flotilla-artifacts/k.jar",
                                                "no-sha",
                                                "a.B",
                                                null,
                                                "cluster-1")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("artifactSha256");
    }

    @Test
    void aSupervisorThatDoesNotAnswerIsADistinctError() {
        URI closed = api.uri();
        api.close();
        ApiUnreachableException e =
                catchThrowableOfType(
                        ApiUnreachableException.class,
                        () -> new SupervisorClient(closed, ADMIN).health());
        assertThat(e.base()).isEqualTo(closed);
        assertThat(e.getMessage()).contains("does not answer");
    }
}

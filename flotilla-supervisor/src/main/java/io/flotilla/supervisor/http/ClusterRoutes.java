package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.supervisor.ClusterLoss;
import io.flotilla.supervisor.LossRefusedException;
import io.flotilla.supervisor.api.ClusterList;
import io.flotilla.supervisor.api.ClusterLost;
import io.flotilla.supervisor.api.ClusterMove;
import io.flotilla.supervisor.api.ClusterNotMoved;
import io.flotilla.supervisor.api.ClusterView;
import io.flotilla.supervisor.api.RegisterClusterRequest;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ControlStore;
import java.util.List;

/** Routes of clusters: list, register, get, and an operator's declaration that one is lost. */
final class ClusterRoutes {

    private final ControlStore store;
    private final Clock clock;
    private final ClusterRegistrationPolicy policy;

    private final java.time.Duration lostAfter;

    ClusterRoutes(
            ControlStore store,
            Clock clock,
            ClusterRegistrationPolicy policy,
            java.time.Duration lostAfter) {
        this.lostAfter = lostAfter;
        this.store = store;
        this.clock = clock;
        this.policy = policy;
    }

    void register(HttpApi api) {
        api.route(
                        SupervisorEndpoints.LIST_CLUSTERS,
                        r -> Response.ok(new ClusterList(views(store.clusters()))))
                .route(SupervisorEndpoints.REGISTER_CLUSTER, this::registerCluster)
                .route(SupervisorEndpoints.GET_CLUSTER, r -> Response.ok(view(cluster(r))))
                .route(SupervisorEndpoints.DECLARE_CLUSTER_LOST, this::declareLost);
    }

    private Response registerCluster(Request r) {
        RegisterClusterRequest b = r.json(RegisterClusterRequest.class);
        Cluster c =
                new Cluster(
                        Validation.name("name", b.name()),
                        policy.sidecarUrl("sidecarUrl", b.sidecarUrl()),
                        policy.tokenRef("tokenRef", b.tokenRef()),
                        b.slots() == null ? 0 : Validation.atLeast("slots", b.slots(), 0),
                        null,
                        b.pool() == null ? null : Validation.name("pool", b.pool()));
        boolean known = store.cluster(c.name()).isPresent();
        if (known && store.cluster(c.name()).get().lost()) {
            throw new ApiException(
                    409,
                    "cluster_lost",
                    "cluster "
                            + c.name()
                            + " was declared lost: register the replacement under a new name",
                    "name",
                    null);
        }
        store.putCluster(
                c,
                new Event(
                        "",
                        clock.now(),
                        known ? "ClusterUpdated" : "ClusterRegistered",
                        "cluster "
                                + c.name()
                                + " at "
                                + c.sidecarUrl()
                                + " ("
                                + c.slots()
                                + " slots"
                                + (c.pool() == null ? "" : ", pool " + c.pool())
                                + ")",
                        0,
                        r.who()));
        return known ? Response.ok(view(c)) : Response.created(view(c));
    }

    private Response declareLost(Request r) {
        Cluster c = cluster(r);
        ClusterLoss.Outcome outcome;
        try {
            outcome = new ClusterLoss(store, lostAfter).declare(c.name(), r.who(), clock.now());
        } catch (LossRefusedException e) {
            throw new ApiException(409, "cluster_not_lost", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, "no_healthy_cluster", e.getMessage());
        }
        return Response.ok(
                new ClusterLost(
                        view(store.cluster(c.name()).orElseThrow()),
                        outcome.moved().stream()
                                .map(
                                        m ->
                                                new ClusterMove(
                                                        m.deployment(),
                                                        m.from(),
                                                        m.to(),
                                                        m.restoreFrom()))
                                .toList(),
                        outcome.notMoved().stream()
                                .map(n -> new ClusterNotMoved(n.deployment(), n.reason()))
                                .toList()));
    }

    private Cluster cluster(Request r) {
        String name = r.param("cluster");
        return store.cluster(name)
                .orElseThrow(
                        () ->
                                new ApiException(
                                        404,
                                        "no_such_cluster",
                                        "no cluster '"
                                                + name
                                                + "' is registered: see GET /v1/clusters",
                                        "cluster",
                                        null));
    }

    /** Every cluster's view, loading the deployments once rather than once per cluster. */
    private List<ClusterView> views(List<Cluster> clusters) {
        java.util.Map<String, Long> counts = store.deploymentsPerCluster();
        return clusters.stream().map(c -> view(c, counts.getOrDefault(c.name(), 0L))).toList();
    }

    private ClusterView view(Cluster c) {
        return view(
                c,
                store.deployments().stream()
                        .filter(d -> d.currentCluster().equals(c.name()))
                        .count());
    }

    private ClusterView view(Cluster c, long deployments) {
        return new ClusterView(
                c.name(),
                c.sidecarUrl(),
                c.tokenRef(),
                c.slots(),
                c.lost(),
                c.lostAt(),
                deployments,
                c.pool());
    }
}

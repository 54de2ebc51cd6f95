package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.http.Role;
import io.flotilla.supervisor.ClusterLoss;
import io.flotilla.supervisor.LossRefusedException;
import io.flotilla.supervisor.http.ApiModels.RegisterCluster;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ControlStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes of clusters: list, register, get, and an operator's declaration that one is lost. */
final class ClusterRoutes {

    private final ControlStore store;
    private final Clock clock;

    private final java.time.Duration lostAfter;

    ClusterRoutes(ControlStore store, Clock clock, java.time.Duration lostAfter) {
        this.lostAfter = lostAfter;
        this.store = store;
        this.clock = clock;
    }

    void register(HttpApi api) {
        api.route(
                        "GET",
                        "/v1/clusters",
                        r ->
                                Response.ok(
                                        Map.of(
                                                "clusters",
                                                store.clusters().stream()
                                                        .map(this::view)
                                                        .toList())))
                .route("POST", "/v1/clusters", Role.ADMIN, this::registerCluster)
                .route("GET", "/v1/clusters/{cluster}", r -> Response.ok(view(cluster(r))))
                .route("POST", "/v1/clusters/{cluster}/lost", Role.ADMIN, this::declareLost);
    }

    private Response registerCluster(Request r) {
        RegisterCluster b = r.json(RegisterCluster.class);
        Cluster c =
                new Cluster(
                        Validation.name("name", b.name()),
                        Validation.url("sidecarUrl", b.sidecarUrl()),
                        Validation.tokenRef("tokenRef", b.tokenRef()),
                        b.slots() == null ? 0 : Validation.atLeast("slots", b.slots(), 0),
                        null);
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
                                + " slots)",
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster", view(store.cluster(c.name()).orElseThrow()));
        out.put("moved", outcome.moved());
        out.put("notMoved", outcome.notMoved());
        return Response.ok(out);
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

    private Map<String, Object> view(Cluster c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        out.put("sidecarUrl", c.sidecarUrl());
        out.put("tokenRef", c.tokenRef());
        out.put("slots", c.slots());
        out.put("lost", c.lost());
        out.put("lostAt", c.lostAt());
        out.put(
                "deployments",
                store.deployments().stream()
                        .filter(d -> d.currentCluster().equals(c.name()))
                        .count());
        return out;
    }
}

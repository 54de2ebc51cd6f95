package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.supervisor.api.SavepointStatus;
import io.flotilla.supervisor.api.SavepointView;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.ControlStore;
import io.flotilla.supervisor.port.JobSavepoints;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.PortRejectedException;
import java.time.Instant;

/**
 * Savepoints on request: the running job's sidecar takes one while the job keeps running, into the
 * job's own savepoint folder, where the deployment's state view and retention see it. The loop is
 * not involved: a savepoint changes nothing the supervisor decides on.
 */
final class SavepointRoutes {

    private final DeploymentRoutes deployments;
    private final JobSavepoints savepoints;
    private final ControlStore store;
    private final Clock clock;

    SavepointRoutes(
            DeploymentRoutes deployments,
            JobSavepoints savepoints,
            ControlStore store,
            Clock clock) {
        this.deployments = deployments;
        this.savepoints = savepoints;
        this.store = store;
        this.clock = clock;
    }

    void register(HttpApi api) {
        api.route(SupervisorEndpoints.TAKE_SAVEPOINT, this::take)
                .route(SupervisorEndpoints.SAVEPOINT, this::status);
    }

    private Response take(Request r) {
        Deployment d = deployments.deployment(r);
        String jobId = d.status().jobId();
        if (jobId == null || d.status().phase() != Phase.RUNNING) {
            throw new ApiException(
                    409,
                    "not_running",
                    "deployment "
                            + d.name()
                            + " is "
                            + d.status().phase()
                            + ": a savepoint needs its job RUNNING; start it first (a stop takes"
                            + " a savepoint by itself)",
                    "name",
                    null);
        }
        String cluster = d.currentCluster();
        Instant now = clock.now();
        String operation;
        try {
            operation = savepoints.savepoint(cluster, jobId);
        } catch (ClusterUnreachableException e) {
            throw unreachable(cluster, e);
        } catch (PortRejectedException e) {
            throw new ApiException(409, "savepoint_refused", e.getMessage(), "name", null);
        }
        store.appendAudit(
                new Event(
                        d.name(),
                        now,
                        "SavepointRequested",
                        "savepoint of job "
                                + jobId
                                + " on "
                                + cluster
                                + " requested (operation "
                                + operation
                                + ")",
                        0,
                        r.who()));
        return Response.accepted(
                new SavepointView(
                        d.name(),
                        jobId,
                        cluster,
                        operation,
                        SavepointStatus.IN_PROGRESS,
                        null,
                        null,
                        now));
    }

    private Response status(Request r) {
        Deployment d = deployments.deployment(r);
        String operation = r.param("operationId");
        String cluster = d.currentCluster();
        OperationStatus status;
        try {
            status = savepoints.poll(cluster, operation);
        } catch (ClusterUnreachableException e) {
            throw unreachable(cluster, e);
        } catch (PortRejectedException e) {
            throw new ApiException(
                    404,
                    "no_such_operation",
                    "cluster "
                            + cluster
                            + " knows no operation '"
                            + operation
                            + "' (its sidecar may have restarted): "
                            + e.getMessage(),
                    "operationId",
                    null);
        }
        SavepointView view;
        if (status instanceof OperationStatus.Completed c) {
            view = view(d, operation, SavepointStatus.COMPLETED, c.location(), null);
        } else if (status instanceof OperationStatus.Failed f) {
            view = view(d, operation, SavepointStatus.FAILED, null, f.error());
        } else {
            view = view(d, operation, SavepointStatus.IN_PROGRESS, null, null);
        }
        return Response.ok(view);
    }

    private static SavepointView view(
            Deployment d, String operation, SavepointStatus s, String location, String error) {
        return new SavepointView(
                d.name(),
                jobOf(operation, d.status().jobId()),
                d.currentCluster(),
                operation,
                s,
                location,
                error,
                null);
    }

    /** The sidecar's operation ids name their job ({@code savepoint.<jobId>.<trigger>}). */
    private static String jobOf(String operation, String fallback) {
        String[] parts = operation.split("\\.");
        return parts.length >= 2 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : fallback;
    }

    private static ApiException unreachable(String cluster, ClusterUnreachableException e) {
        return new ApiException(
                503,
                "cluster_unreachable",
                "cluster " + cluster + " does not answer: " + e.getMessage() + "; try again",
                null,
                null);
    }
}

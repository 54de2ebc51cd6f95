package io.flotilla.supervisor.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.client.SidecarException;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.StoredState;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.JobCanceller;
import io.flotilla.supervisor.port.JobLister;
import io.flotilla.supervisor.port.JobStopper;
import io.flotilla.supervisor.port.JobSubmitter;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.PortRejectedException;
import io.flotilla.supervisor.port.StateCleaner;
import io.flotilla.supervisor.port.StateLister;
import io.flotilla.supervisor.port.StatePurger;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The supervisor's cluster ports on the clusters' sidecars: one {@code GET /v1/jobs} per cluster
 * per observation, and every change sent with the leader's fencing token.
 */
public final class SidecarClusterPorts
        implements JobLister,
                JobSubmitter,
                JobStopper,
                JobCanceller,
                StateCleaner,
                StatePurger,
                StateLister {

    private final Function<String, SidecarClient> sidecars;

    /** {@code sidecars}: the client of each cluster's sidecar, by cluster name. */
    public SidecarClusterPorts(Map<String, SidecarClient> sidecars) {
        this(Map.copyOf(sidecars)::get);
    }

    /**
     * {@code sidecars}: the client of a cluster's sidecar, or null when none is registered; asked
     * at every call, so clusters registered later are reached.
     */
    public SidecarClusterPorts(Function<String, SidecarClient> sidecars) {
        this.sidecars = sidecars;
    }

    @Override
    public List<ObservedJob> listJobs(String cluster, long fencingToken) {
        return call(cluster, () -> sidecar(cluster).jobs()).stream()
                .map(
                        j ->
                                new ObservedJob(
                                        cluster,
                                        j.jobId(),
                                        j.status(),
                                        j.lastCheckpointPath(),
                                        j.lastSavepointPath(),
                                        j.restoredFrom(),
                                        j.startTime(),
                                        j.lastCheckpointTime()))
                .toList();
    }

    @Override
    public Listing listState(String cluster, long fencingToken) {
        JsonNode state = call(cluster, () -> sidecar(cluster).get("/v1/state").as(JsonNode.class));
        List<StoredState> states = new ArrayList<>();
        for (JsonNode e : state.path("entries")) {
            String kind = e.path("kind").asText("");
            if (!kind.equals("CHECKPOINT") && !kind.equals("SAVEPOINT")) {
                continue;
            }
            String time = e.path("time").asText(null);
            states.add(
                    new StoredState(
                            e.path("path").asText(),
                            e.path("jobId").isTextual() ? e.path("jobId").asText() : null,
                            kind.equals("SAVEPOINT"),
                            time == null ? Instant.EPOCH : Instant.parse(time),
                            e.path("complete").asBoolean(false)));
        }
        return new Listing(state.path("root").asText(null), states);
    }

    @Override
    public boolean submit(SubmitCommand c) {
        JobApi.SubmitRequest request =
                new JobApi.SubmitRequest(
                        new JobApi.ArtifactRef(c.artifactUri(), c.artifactSha256()),
                        c.entryClass(),
                        c.args(),
                        c.parallelism(),
                        c.jobId(),
                        c.restorePath(),
                        null,
                        c.checkpointInterval() == null ? null : c.checkpointInterval().toMillis());
        return call(
                        c.cluster(),
                        () -> sidecar(c.cluster()).fenced(c.fencingToken()).submit(request))
                .created();
    }

    @Override
    public String stopWithSavepoint(String cluster, String jobId, long fencingToken) {
        return call(cluster, () -> sidecar(cluster).fenced(fencingToken).stop(jobId, false)).id();
    }

    @Override
    public OperationStatus poll(String cluster, String operationId, long fencingToken) {
        JobApi.Operation op = call(cluster, () -> sidecar(cluster).operation(operationId));
        return switch (op.status()) {
            case "IN_PROGRESS" -> new OperationStatus.InProgress();
            case "COMPLETED" -> new OperationStatus.Completed(op.location());
            default -> new OperationStatus.Failed(op.error());
        };
    }

    @Override
    public void cancel(String cluster, String jobId, long fencingToken) {
        call(cluster, () -> sidecar(cluster).fenced(fencingToken).cancel(jobId));
    }

    @Override
    public void clean(
            String cluster,
            List<String> pins,
            int keepSavepoints,
            Duration maxAge,
            long fencingToken) {
        Map<String, Object> request =
                Map.of(
                        "keepSavepoints",
                        keepSavepoints,
                        "maxAge",
                        maxAge.toString(),
                        "pins",
                        pins,
                        "dryRun",
                        false);
        call(
                cluster,
                () ->
                        sidecar(cluster)
                                .fenced(fencingToken)
                                .post("/v1/state/retention", request)
                                .as(JsonNode.class));
    }

    @Override
    public int purge(String cluster, Set<String> jobIds, List<String> pins, long fencingToken) {
        JsonNode state = call(cluster, () -> sidecar(cluster).get("/v1/state").as(JsonNode.class));
        String prefix = "/" + cluster + "/";
        List<String> paths = new ArrayList<>();
        for (JsonNode e : state.path("entries")) {
            String jobId = e.path("jobId").asText(null);
            String jobIdPrefix = e.path("jobIdPrefix").asText(null);
            boolean ours =
                    jobId != null
                            ? jobIds.contains(jobId)
                            : jobIdPrefix != null
                                    && jobIds.stream().anyMatch(id -> id.startsWith(jobIdPrefix));
            if (ours) {
                paths.add(e.path("path").asText());
            }
        }
        if (paths.isEmpty()) {
            return 0;
        }
        // The sidecar refuses pins outside its own prefix.
        List<String> ownPins = pins.stream().filter(p -> p.contains(prefix)).toList();
        call(
                cluster,
                () ->
                        sidecar(cluster)
                                .fenced(fencingToken)
                                .post(
                                        "/v1/state/delete",
                                        Map.of("paths", paths, "pins", ownPins, "dryRun", false))
                                .as(JsonNode.class));
        return paths.size();
    }

    private SidecarClient sidecar(String cluster) {
        SidecarClient client = sidecars.apply(cluster);
        if (client == null) {
            throw new PortRejectedException("no sidecar is registered for cluster " + cluster);
        }
        return client;
    }

    /** Sidecar errors as the ports speak them: no answer or 5xx is unreachable, 4xx is refused. */
    private static <T> T call(String cluster, Supplier<T> request) {
        try {
            return request.get();
        } catch (SidecarException e) {
            if (e.status() == 0 || e.status() >= 500) {
                throw new ClusterUnreachableException(cluster, e.getMessage());
            }
            throw new PortRejectedException("cluster " + cluster + " refused: " + e.getMessage());
        }
    }
}

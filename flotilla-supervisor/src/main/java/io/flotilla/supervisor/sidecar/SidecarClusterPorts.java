package io.flotilla.supervisor.sidecar;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiUnreachableException;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.state.StateApi;
import io.flotilla.sidecar.state.StateKind;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.StoredState;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.JobCanceller;
import io.flotilla.supervisor.port.JobLister;
import io.flotilla.supervisor.port.JobSavepoints;
import io.flotilla.supervisor.port.JobStopper;
import io.flotilla.supervisor.port.JobSubmitter;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.PortRejectedException;
import io.flotilla.supervisor.port.SlotCounter;
import io.flotilla.supervisor.port.StateCleaner;
import io.flotilla.supervisor.port.StateLister;
import io.flotilla.supervisor.port.StatePurger;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
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
                StateLister,
                JobSavepoints,
                SlotCounter {

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

    /**
     * The {@code slotsTotal} and {@code version} Flink's overview reports in the sidecar's health.
     */
    @Override
    public Report report(String cluster) {
        Object flink = call(cluster, () -> sidecar(cluster).health()).flink();
        if (flink instanceof Map<?, ?> overview
                && overview.get("slotsTotal") instanceof Number total) {
            Object version = overview.get("version");
            return new Report(total.intValue(), version == null ? null : String.valueOf(version));
        }
        throw new ClusterUnreachableException(cluster, "reports no slots: " + flink);
    }

    @Override
    public Listing listState(String cluster, long fencingToken) {
        return listing(call(cluster, () -> sidecar(cluster).state()));
    }

    @Override
    public Listing listState(String cluster, String path, long fencingToken) {
        return listing(call(cluster, () -> sidecar(cluster).state(path)));
    }

    @Override
    public Listing listJobsState(String cluster, Collection<String> jobIds, long fencingToken) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(jobIds));
        String root = null;
        List<StoredState> states = new ArrayList<>();
        // The sidecar takes at most 1000 JobIDs a request.
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            Set<String> asked = Set.copyOf(chunk);
            Listing part = listing(call(cluster, () -> sidecar(cluster).stateOfJobs(chunk)));
            root = part.root();
            // A sidecar without the filter lists everything.
            part.states().stream()
                    .filter(s -> s.jobId() != null && asked.contains(s.jobId()))
                    .forEach(states::add);
        }
        return new Listing(root, states);
    }

    private static Listing listing(StateApi.Listing state) {
        List<StoredState> states = new ArrayList<>();
        for (StateApi.EntryView e : state.entries()) {
            if (e.kind() != StateKind.CHECKPOINT && e.kind() != StateKind.SAVEPOINT) {
                continue;
            }
            states.add(
                    new StoredState(
                            e.path(),
                            e.jobId(),
                            e.kind() == StateKind.SAVEPOINT,
                            e.time() == null ? Instant.EPOCH : e.time(),
                            e.complete(),
                            e.size()));
        }
        return new Listing(state.root(), states);
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
                        c.allowNonRestoredState() ? Boolean.TRUE : null,
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
    public String savepoint(String cluster, String jobId) {
        return call(cluster, () -> sidecar(cluster).savepoint(jobId, null)).id();
    }

    @Override
    public String savepoint(String cluster, String jobId, long fencingToken) {
        return call(cluster, () -> sidecar(cluster).fenced(fencingToken).savepoint(jobId, null))
                .id();
    }

    @Override
    public OperationStatus poll(String cluster, String operationId) {
        return poll(cluster, operationId, 0);
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
        StateApi.RetentionRequest request =
                new StateApi.RetentionRequest(keepSavepoints, maxAge.toString(), pins, false);
        call(cluster, () -> sidecar(cluster).fenced(fencingToken).retention(request));
    }

    @Override
    public int purge(String cluster, Set<String> jobIds, List<String> pins, long fencingToken) {
        StateApi.Listing state = call(cluster, () -> sidecar(cluster).state());
        String prefix = "/" + cluster + "/";
        List<String> paths = new ArrayList<>();
        for (StateApi.EntryView e : state.entries()) {
            boolean ours =
                    e.jobId() != null
                            ? jobIds.contains(e.jobId())
                            : e.jobIdPrefix() != null
                                    && jobIds.stream()
                                            .anyMatch(id -> id.startsWith(e.jobIdPrefix()));
            if (ours) {
                paths.add(e.path());
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
                                .deleteState(new StateApi.DeleteRequest(paths, ownPins, false)));
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
        } catch (ApiUnreachableException e) {
            throw new ClusterUnreachableException(cluster, e.getMessage());
        } catch (ApiCallException e) {
            if (e.status() >= 500) {
                throw new ClusterUnreachableException(cluster, e.getMessage());
            }
            throw new PortRejectedException("cluster " + cluster + " refused: " + e.getMessage());
        }
    }
}

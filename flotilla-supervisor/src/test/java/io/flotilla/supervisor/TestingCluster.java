package io.flotilla.supervisor;

import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.StoredState;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.PortRejectedException;
import io.flotilla.supervisor.port.StateLister;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Flink session cluster with its sidecar, in memory, behaving as the sidecar's API documents
 * (idempotent submit by JobID, stop-with-savepoint as an operation, a stopped job answering a new
 * stop with its final savepoint), with switches for the failures the supervisor must survive. The
 * calls the supervisor makes are synchronized, as its action threads call them at once.
 */
final class TestingCluster {

    private static final Set<String> ALIVE =
            Set.of("CREATED", "INITIALIZING", "RUNNING", "RESTARTING", "FAILING", "CANCELLING");

    /** A job as the JobManager holds it. */
    static final class Job {
        final SubmitCommand command;
        String status = "RUNNING";
        int checkpoints;
        String lastCheckpointPath;
        String lastSavepointPath;

        Job(SubmitCommand command) {
            this.command = command;
        }

        String jobId() {
            return command.jobId();
        }

        boolean alive() {
            return ALIVE.contains(status);
        }
    }

    final String name;
    final Map<String, Job> jobs = new LinkedHashMap<>();

    /** Every submit that created a job, in order. */
    final List<SubmitCommand> created = new ArrayList<>();

    private final Map<String, OperationStatus> operations = new HashMap<>();

    /** The checkpoints and savepoints in the cluster's S3 prefix, by path, oldest first. */
    final Map<String, StoredState> state = new LinkedHashMap<>();

    private int stateWrites;
    private int savepoints;
    private int operationIds;

    boolean unreachable;

    /** The status a newly submitted job starts in (RUNNING at once unless a test says). */
    String startsAs = "RUNNING";

    boolean submitFails;
    boolean savepointFails;
    boolean crashBeforeNextSubmit;
    boolean crashAfterNextSubmit;

    /** List calls that were answered. */
    int listCalls;

    /** List calls made, answered or not. */
    int listAttempts;

    int submitCalls;
    int stopCalls;
    int cancelCalls;

    TestingCluster(String name) {
        this.name = name;
    }

    synchronized List<ObservedJob> list() {
        listAttempts++;
        reach();
        listCalls++;
        List<ObservedJob> result = new ArrayList<>(jobs.size());
        for (Job job : jobs.values()) {
            result.add(
                    new ObservedJob(
                            name,
                            job.jobId(),
                            job.status,
                            job.lastCheckpointPath,
                            job.lastSavepointPath,
                            job.command.restorePath()));
        }
        return result;
    }

    synchronized boolean submit(SubmitCommand command) {
        reach();
        submitCalls++;
        if (crashBeforeNextSubmit) {
            crashBeforeNextSubmit = false;
            throw new SimulatedCrash("before submit of " + command.jobId());
        }
        Job existing = jobs.get(command.jobId());
        if (existing != null) {
            if (existing.alive()) {
                return false;
            }
            // Flink refuses a JobID it has seen end.
            throw new PortRejectedException("job " + command.jobId() + " already ended");
        }
        if (submitFails) {
            throw new PortRejectedException("artifact could not be run");
        }
        Job job = new Job(command);
        job.status = startsAs;
        jobs.put(command.jobId(), job);
        created.add(command);
        if (crashAfterNextSubmit) {
            crashAfterNextSubmit = false;
            throw new SimulatedCrash("after submit of " + command.jobId());
        }
        return true;
    }

    synchronized String stopWithSavepoint(String jobId) {
        reach();
        stopCalls++;
        Job job = known(jobId);
        String id = "stop." + jobId + "." + (++operationIds);
        if (!job.alive()) {
            if (job.lastSavepointPath == null) {
                throw new PortRejectedException("job " + jobId + " is " + job.status);
            }
            operations.put(id, new OperationStatus.Completed(job.lastSavepointPath));
        } else if (savepointFails) {
            operations.put(id, new OperationStatus.Failed("savepoint could not be written"));
        } else {
            job.lastSavepointPath = savepointPath(jobId);
            stored(job.lastSavepointPath, jobId, true);
            job.status = "FINISHED";
            operations.put(id, new OperationStatus.Completed(job.lastSavepointPath));
        }
        return id;
    }

    synchronized OperationStatus poll(String operationId) {
        reach();
        OperationStatus status = operations.get(operationId);
        if (status == null) {
            throw new PortRejectedException("unknown operation " + operationId);
        }
        return status;
    }

    synchronized void cancel(String jobId) {
        reach();
        cancelCalls++;
        Job job = known(jobId);
        if (job.alive()) {
            job.status = "CANCELED";
        }
    }

    // ---- what happens to a cluster without the supervisor asking

    /** Completes a checkpoint of every alive job. */
    void checkpointAll() {
        jobs.values().stream().filter(Job::alive).forEach(job -> checkpoint(job.jobId()));
    }

    String checkpoint(String jobId) {
        Job job = known(jobId);
        job.checkpoints++;
        job.lastCheckpointPath =
                "s3://flotilla-state/" + name + "/checkpoints/" + jobId + "/chk-" + job.checkpoints;
        stored(job.lastCheckpointPath, jobId, false);
        return job.lastCheckpointPath;
    }

    /** A savepoint written to the cluster's prefix by someone, for a job of {@code jobId}. */
    void stored(String path, String jobId, boolean savepoint) {
        state.put(
                path,
                new StoredState(
                        path,
                        jobId,
                        savepoint,
                        Instant.EPOCH.plusSeconds(++stateWrites),
                        true,
                        1024));
    }

    /** Deletes a checkpoint or savepoint, as Flink does with a cancelled job's checkpoints. */
    void deleteState(String path) {
        state.remove(path);
    }

    /**
     * Leaves a checkpoint or savepoint without its {@code _metadata}, as a write cut short does.
     */
    void breakState(String path) {
        StoredState s = state.get(path);
        state.put(
                path,
                new StoredState(s.path(), s.jobId(), s.savepoint(), s.time(), false, s.size()));
    }

    /** Full listings of the state prefix, and listings of one path, so far. */
    int fullStateListings;

    int pathStateListings;

    synchronized StateLister.Listing listState() {
        reach();
        fullStateListings++;
        return new StateLister.Listing(
                "s3://flotilla-state/" + name + "/", List.copyOf(state.values()));
    }

    /** As the sidecar's {@code GET /v1/state?under=}: what lies under {@code path} only. */
    synchronized StateLister.Listing listState(String path) {
        reach();
        pathStateListings++;
        String wanted = RestoreCheck.normal(path);
        return new StateLister.Listing(
                "s3://flotilla-state/" + name + "/",
                state.values().stream()
                        .filter(
                                s -> {
                                    String p = RestoreCheck.normal(s.path());
                                    return p.equals(wanted) || p.startsWith(wanted + "/");
                                })
                        .toList());
    }

    /** The job ends by itself, as a bounded job does at the end of its input. */
    void finish(String jobId) {
        known(jobId).status = "FINISHED";
    }

    void fail(String jobId) {
        known(jobId).status = "FAILED";
    }

    /** The JobManager restarts without HA: every job and operation is forgotten. */
    void restart() {
        jobs.clear();
        operations.clear();
    }

    List<Job> aliveJobs() {
        return jobs.values().stream().filter(Job::alive).toList();
    }

    List<Job> aliveJobsOf(String deployment) {
        return aliveJobs().stream().filter(j -> j.command.deployment().equals(deployment)).toList();
    }

    Job job(String jobId) {
        return known(jobId);
    }

    /** The deployment a job belongs to, or null when the cluster does not know the job. */
    synchronized String deploymentOf(String jobId) {
        Job job = jobs.get(jobId);
        return job == null ? null : job.command.deployment();
    }

    private Job known(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new PortRejectedException("unknown job " + jobId);
        }
        return job;
    }

    private String savepointPath(String jobId) {
        return "s3://flotilla-state/"
                + name
                + "/savepoints/savepoint-"
                + jobId.substring(0, 6)
                + "-"
                + (++savepoints);
    }

    private void reach() {
        if (unreachable) {
            throw new ClusterUnreachableException(name, "connection refused");
        }
    }
}

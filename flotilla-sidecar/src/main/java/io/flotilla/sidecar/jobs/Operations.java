package io.flotilla.sidecar.jobs;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.jobs.JobApi.Operation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.rest.handler.async.AsynchronousOperationResult;
import org.apache.flink.runtime.rest.messages.TriggerId;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointInfo;

/**
 * Stop-with-savepoint, savepoint and cancel as asynchronous operations. An operation's id encodes
 * the job and Flink's trigger id ({@code stop.<job>.<trigger>}), so its status is read from Flink
 * and survives a sidecar restart. Stopping a stopped job answers with its final savepoint.
 */
public final class Operations {

    private final FlinkRest flink;
    private final JobService jobs;
    private final String stateUri;
    private final Map<String, String> stopsInFlight = new ConcurrentHashMap<>();
    private final Map<String, Object> stopLocks = new ConcurrentHashMap<>();

    private final Function<String, Optional<String>> newestSavepointInStore;

    /**
     * @param newestSavepointInStore the newest complete savepoint under the job's savepoint folder
     *     in S3, for when Flink's statistics do not show it yet
     */
    public Operations(
            FlinkRest flink,
            JobService jobs,
            String stateUri,
            Function<String, Optional<String>> newestSavepointInStore) {
        this.flink = flink;
        this.jobs = jobs;
        this.stateUri = stateUri;
        this.newestSavepointInStore = newestSavepointInStore;
    }

    /** Stops the job with a savepoint; a second stop while one runs returns the same operation. */
    public Operation stop(String jobIdText, Boolean drain, String targetDirectory) {
        JobID jobId = JobService.parseJobId(jobIdText);
        String target = target(jobId, targetDirectory);
        // Per job: two stops of one job must not both trigger, stops of others need not wait.
        synchronized (stopLocks.computeIfAbsent(jobIdText, k -> new Object())) {
            String inFlight = stopsInFlight.get(jobIdText);
            if (inFlight != null) {
                Operation op = status(inFlight);
                if (!op.status().equals("FAILED")) {
                    return op; // in progress, or done: its savepoint is the job's final one
                }
                stopsInFlight.remove(jobIdText);
            }
            var info = jobs.find(jobId).orElseThrow(() -> JobService.unknownJob(jobIdText));
            if (info.getJobStatus().isGloballyTerminalState()) {
                return finalSavepoint(jobId, info.getJobStatus().name());
            }
            TriggerId trigger = flink.stopWithSavepoint(jobId, target, Boolean.TRUE.equals(drain));
            String id = "stop." + jobIdText + "." + trigger;
            stopsInFlight.put(jobIdText, id);
            return new Operation(id, "stop", jobIdText, "IN_PROGRESS", null, null);
        }
    }

    /** Triggers a savepoint; the job keeps running. */
    public Operation savepoint(String jobIdText, String targetDirectory) {
        JobID jobId = JobService.parseJobId(jobIdText);
        var info = jobs.find(jobId).orElseThrow(() -> JobService.unknownJob(jobIdText));
        if (info.getJobStatus().isGloballyTerminalState()) {
            throw new ApiException(
                    409,
                    "job_not_running",
                    "job "
                            + jobIdText
                            + " ended as "
                            + info.getJobStatus()
                            + ": a savepoint needs a running job");
        }
        TriggerId trigger = flink.triggerSavepoint(jobId, target(jobId, targetDirectory));
        return new Operation(
                "savepoint." + jobIdText + "." + trigger,
                "savepoint",
                jobIdText,
                "IN_PROGRESS",
                null,
                null);
    }

    /** Cancels the job without a savepoint; cancelling an ended job is a no-op. */
    public Operation cancel(String jobIdText) {
        JobID jobId = JobService.parseJobId(jobIdText);
        var info = jobs.find(jobId).orElseThrow(() -> JobService.unknownJob(jobIdText));
        if (!info.getJobStatus().isGloballyTerminalState()) {
            flink.cancel(jobId);
        }
        return status("cancel." + jobIdText);
    }

    /** The status of an operation this API returned. */
    public Operation status(String id) {
        String[] parts = id.split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            throw unknown(id);
        }
        String kind = parts[0];
        JobID jobId = JobService.parseJobId(parts[1]);
        switch (kind) {
            case "stop", "savepoint" -> {
                if (parts.length != 3) {
                    throw unknown(id);
                }
                TriggerId trigger;
                try {
                    trigger = TriggerId.fromHexString(parts[2]);
                } catch (RuntimeException e) {
                    throw unknown(id);
                }
                AsynchronousOperationResult<SavepointInfo> result;
                try {
                    result = flink.savepoint(jobId, trigger);
                } catch (FlinkRestException e) {
                    if (e.notFound()) {
                        throw unknown(id);
                    }
                    throw e;
                }
                if (result.queueStatus().getId().name().equals("IN_PROGRESS")) {
                    return new Operation(id, kind, parts[1], "IN_PROGRESS", null, null);
                }
                SavepointInfo info = result.resource();
                if (info.getFailureCause() != null) {
                    return new Operation(
                            id,
                            kind,
                            parts[1],
                            "FAILED",
                            null,
                            FlinkRestException.summarize(
                                    info.getFailureCause().getFullStringifiedStackTrace()));
                }
                return new Operation(id, kind, parts[1], "COMPLETED", info.getLocation(), null);
            }
            case "cancel" -> {
                var info = jobs.find(jobId).orElseThrow(() -> unknown(id));
                boolean done = info.getJobStatus().isGloballyTerminalState();
                return new Operation(
                        id, kind, parts[1], done ? "COMPLETED" : "IN_PROGRESS", null, null);
            }
            case "final" -> {
                var info = jobs.find(jobId).orElseThrow(() -> unknown(id));
                return finalSavepoint(jobId, info.getJobStatus().name());
            }
            default -> throw unknown(id);
        }
    }

    private Operation finalSavepoint(JobID jobId, String status) {
        // Flink caches checkpoint statistics for a few seconds (rest.cache.checkpoint-statistics
        // .timeout): right after a stop they may not show its savepoint, but S3 does, in the
        // folder every stop through this sidecar writes to.
        String location =
                jobs.lastSavepoint(jobId)
                        .or(() -> newestSavepointInStore.apply(jobId.toHexString()))
                        .orElse(null);
        if (location == null) {
            throw new ApiException(
                    409,
                    "job_not_running",
                    "job "
                            + jobId
                            + " ended as "
                            + status
                            + " without a savepoint: restart it from its newest checkpoint instead");
        }
        return new Operation(
                "final." + jobId, "stop", jobId.toHexString(), "COMPLETED", location, null);
    }

    private String target(JobID jobId, String targetDirectory) {
        if (targetDirectory == null) {
            return stateUri + "/savepoints/" + jobId;
        }
        if (!targetDirectory.startsWith(stateUri + "/") || targetDirectory.contains("/../")) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "targetDirectory",
                    "targetDirectory must lie under this cluster's state prefix "
                            + stateUri
                            + ", got '"
                            + targetDirectory
                            + "'");
        }
        return targetDirectory;
    }

    private static ApiException unknown(String id) {
        return new ApiException(
                404,
                "unknown_operation",
                "no operation '" + id + "': use the id a stop, savepoint or cancel returned");
    }
}

package io.flotilla.sidecar.jobs;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.artifacts.ArtifactService;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.flink.JarRun;
import io.flotilla.sidecar.jobs.JobApi.ExceptionEntry;
import io.flotilla.sidecar.jobs.JobApi.JobDetail;
import io.flotilla.sidecar.jobs.JobApi.JobView;
import io.flotilla.sidecar.jobs.JobApi.Logs;
import io.flotilla.sidecar.jobs.JobApi.SubmitRequest;
import io.flotilla.sidecar.jobs.JobApi.Submitted;
import io.flotilla.sidecar.state.LiveJob;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;

/**
 * The jobs API over the Flink REST port: list, submit (idempotent per JobID), detail. Stop, cancel
 * and savepoints are in {@link Operations}.
 */
public final class JobService {

    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    private final FlinkRest flink;
    private final ArtifactService artifacts;
    private final List<String> restoreRoots;
    private final MeterRegistry metrics;
    private final Object[] locks = new Object[64];
    private volatile EndedJobViews endedViews;

    public JobService(
            FlinkRest flink,
            ArtifactService artifacts,
            List<String> restoreRoots,
            MeterRegistry metrics) {
        this.flink = flink;
        this.artifacts = artifacts;
        this.restoreRoots = List.copyOf(restoreRoots);
        this.metrics = metrics;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Every job the JobManager knows, newest first. Only the jobs not kept in {@link EndedJobViews}
     * cost a statistics call, and those calls go out together.
     */
    public List<JobView> list() {
        Collection<JobDetails> jobs = flink.jobs();
        EndedJobViews ended = endedViews();
        List<JobView> out = new ArrayList<>(jobs.size());
        List<JobDetails> toFetch = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (JobDetails d : jobs) {
            String id = d.getJobId().toHexString();
            listed.add(id);
            // Only while Flink still reports it ended: a JobID that runs again is asked about.
            Optional<JobView> kept =
                    ended == null || !d.getStatus().isGloballyTerminalState()
                            ? Optional.empty()
                            : ended.get(id);
            if (kept.isPresent()) {
                out.add(kept.get());
            } else {
                toFetch.add(d);
            }
        }
        List<FlinkRest.Checkpoints> stats =
                flink.checkpoints(toFetch.stream().map(JobDetails::getJobId).toList());
        Instant now = Instant.now();
        for (int i = 0; i < toFetch.size(); i++) {
            JobDetails d = toFetch.get(i);
            FlinkRest.Checkpoints answer = stats.get(i);
            JobView view =
                    JobViews.of(
                            d.getJobId(),
                            d.getJobName(),
                            d.getStatus(),
                            d.getStartTime(),
                            d.getEndTime(),
                            answer.stats());
            out.add(view);
            if (ended != null && d.getStatus().isGloballyTerminalState()) {
                // A 4xx is Flink's final word (no checkpointing); no answer may be a passing fault.
                boolean complete = answer.error() == null || answer.error().status() / 100 == 4;
                ended.fetched(view, complete, now);
            }
        }
        if (ended != null) {
            ended.retain(listed);
        }
        out.sort((a, b) -> b.startTime().compareTo(a.startTime()));
        return out;
    }

    /** The kept views, once the JobManager's configuration has been read; null until then. */
    private EndedJobViews endedViews() {
        EndedJobViews ended = endedViews;
        if (ended == null) {
            try {
                ended = new EndedJobViews(EndedJobViews.flinkStatsCache(flink.configuration()));
                endedViews = ended;
            } catch (RuntimeException e) {
                // Without Flink's cache timeout nothing can be kept safely; asked again next list.
                return null;
            }
        }
        return ended;
    }

    /**
     * The jobs whose state must be protected: every job not globally terminal, with the paths Flink
     * reports for it.
     *
     * @throws IllegalStateException when a live job's checkpoint statistics cannot be read
     */
    public List<LiveJob> live() {
        List<JobDetails> live =
                flink.jobs().stream()
                        .filter(d -> !d.getStatus().isGloballyTerminalState())
                        .toList();
        List<FlinkRest.Checkpoints> stats =
                flink.checkpoints(live.stream().map(JobDetails::getJobId).toList());
        List<LiveJob> out = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            FlinkRest.Checkpoints answer = stats.get(i);
            out.add(
                    LiveJobs.of(
                            live.get(i).getJobId().toHexString(),
                            live.get(i).getStatus().name(),
                            () -> {
                                if (answer.error() != null) {
                                    throw answer.error();
                                }
                                return JobViews.paths(answer.stats());
                            }));
        }
        return out;
    }

    /** One job with its exception history and log links; 404 if the cluster does not know it. */
    public JobDetail detail(String jobIdText) {
        JobID jobId = parseJobId(jobIdText);
        var info = find(jobId).orElseThrow(() -> unknownJob(jobIdText));
        JobView view =
                view(
                        jobId,
                        info.getName(),
                        info.getJobStatus(),
                        info.getStartTime(),
                        info.getEndTime());
        List<ExceptionEntry> exceptions = new ArrayList<>();
        for (var e : flink.exceptions(jobId).getExceptionHistory().getEntries()) {
            exceptions.add(
                    new ExceptionEntry(
                            Instant.ofEpochMilli(e.getTimestamp()),
                            e.getExceptionName(),
                            e.getTaskName(),
                            e.getTaskManagerId()));
        }
        String base = flink.restUrl().toString();
        Logs logs =
                new Logs(
                        base + "/jobmanager/log",
                        flink.taskManagers().stream()
                                .map(id -> base + "/taskmanagers/" + id + "/log")
                                .toList());
        return new JobDetail(view, exceptions, logs);
    }

    /**
     * Runs the job under the caller's JobID, once: a JobID that runs already returns that job
     * (created = false), also when identical requests race; a JobID of an ended job is refused.
     */
    public Submitted submit(SubmitRequest r) {
        JobID jobId = parseJobId(r.jobId());
        validate(r);
        synchronized (locks[Math.floorMod(jobId.hashCode(), locks.length)]) {
            // No look-up first: Flink refuses a known JobID itself, which saves a call on
            // every new submit; only a refused one is looked up.
            JobApi.Artifact jar = artifacts.ensure(r.artifact().uri(), r.artifact().sha256());
            RunResult result = run(jar, jobId, r);
            if (result == RunResult.JAR_MISSING) {
                // The JobManager lost the jar (it restarted): upload it again, once.
                artifacts.forget(r.artifact().sha256());
                jar = artifacts.ensure(r.artifact().uri(), r.artifact().sha256());
                result = run(jar, jobId, r);
            }
            if (result == RunResult.ALREADY_SUBMITTED) {
                metrics.counter("flotilla.sidecar.submissions", "result", "existing").increment();
                return existing(jobId).orElseThrow(() -> unknownJob(jobId.toHexString()));
            }
            metrics.counter("flotilla.sidecar.submissions", "result", "created").increment();
            // Accepted by the dispatcher, so INITIALIZING; asking Flink would cost a call on the
            // path every release takes, and GET /v1/jobs/{id} tells the rest.
            JobView view =
                    new JobView(
                            jobId.toHexString(),
                            null,
                            JobStatus.INITIALIZING.name(),
                            Instant.now(),
                            null,
                            0L,
                            null,
                            null,
                            null,
                            null);
            return new Submitted(view, true, jar.jarId());
        }
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate\\w*SubmissionException");

    private enum RunResult {
        STARTED,
        ALREADY_SUBMITTED,
        JAR_MISSING
    }

    /** Runs the jar, telling apart a JobID someone else just used and a jar the JobManager lost. */
    private RunResult run(JobApi.Artifact jar, JobID jobId, SubmitRequest r) {
        try {
            flink.runJar(
                    jar.jarId(),
                    new JarRun(
                            r.entryClass(),
                            r.args() == null ? List.of() : r.args(),
                            r.parallelism(),
                            jobId,
                            r.restorePath(),
                            r.allowNonRestoredState(),
                            r.checkpointIntervalMs() == null
                                    ? Map.of()
                                    : Map.of(
                                            JarRun.CHECKPOINT_INTERVAL,
                                            r.checkpointIntervalMs() + " ms")));
            return RunResult.STARTED;
        } catch (FlinkRestException e) {
            String message = String.valueOf(e.getMessage());
            // Flink 2.0 says DuplicateJobSubmissionException, 2.3 DuplicateApplication...; not a
            // look-up of the JobID: a program that fails at start leaves a FAILED job under it.
            if (DUPLICATE.matcher(message).find()) {
                return RunResult.ALREADY_SUBMITTED;
            }
            if (message.contains("does not exist") && message.contains(jar.jarId())) {
                return RunResult.JAR_MISSING;
            }
            metrics.counter("flotilla.sidecar.submissions", "result", "failed").increment();
            throw new ApiException(
                    422,
                    "program_failed",
                    "Flink could not start " + r.entryClass() + ": " + e.getMessage(),
                    null,
                    null);
        }
    }

    private Optional<Submitted> existing(JobID jobId) {
        Optional<org.apache.flink.runtime.rest.messages.job.JobDetailsInfo> info = find(jobId);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        if (info.get().getJobStatus().isGloballyTerminalState()) {
            throw new ApiException(
                    409,
                    "job_id_used",
                    "JobID "
                            + jobId
                            + " belongs to a job that ended as "
                            + info.get().getJobStatus()
                            + "; a JobID runs once: submit with a new JobID",
                    "jobId",
                    null);
        }
        var i = info.get();
        return Optional.of(
                new Submitted(
                        view(
                                jobId,
                                i.getName(),
                                i.getJobStatus(),
                                i.getStartTime(),
                                i.getEndTime()),
                        false,
                        null));
    }

    Optional<org.apache.flink.runtime.rest.messages.job.JobDetailsInfo> find(JobID jobId) {
        try {
            return Optional.of(flink.job(jobId));
        } catch (FlinkRestException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    JobView view(JobID jobId, String name, JobStatus status, long start, long end) {
        CheckpointingStatistics stats;
        try {
            stats = flink.checkpoints(jobId);
        } catch (FlinkRestException e) {
            stats = null; // a job without checkpointing, or one just submitted: no statistics yet
        }
        return JobViews.of(jobId, name, status, start, end, stats);
    }

    /** The newest completed savepoint Flink's statistics show for the job, if any. */
    public Optional<String> lastSavepoint(JobID jobId) {
        try {
            return Optional.ofNullable(JobViews.latestSavepoint(flink.checkpoints(jobId)));
        } catch (FlinkRestException e) {
            return Optional.empty();
        }
    }

    private void validate(SubmitRequest r) {
        if (r.artifact() == null) {
            throw ApiException.badRequest(
                    "missing_field",
                    "artifact",
                    "artifact is required: {\"uri\": \"s3://...jar\", \"sha256\": \"...\"}");
        }
        SubmitRules.entryClass("entryClass", r.entryClass());
        if (r.parallelism() != null) {
            SubmitRules.parallelism("parallelism", r.parallelism());
        }
        SubmitRules.args("args", r.args());
        if (r.checkpointIntervalMs() != null
                && (r.checkpointIntervalMs() < 100 || r.checkpointIntervalMs() > 86_400_000L)) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "checkpointIntervalMs",
                    "checkpointIntervalMs must be between 100 (0.1 s) and 86400000 (1 day), got "
                            + r.checkpointIntervalMs());
        }
        if (r.restorePath() != null) {
            String p = r.restorePath();
            if (p.contains("/../")
                    || p.endsWith("/..")
                    || restoreRoots.stream().noneMatch(p::startsWith)) {
                throw ApiException.badRequest(
                        "invalid_field",
                        "restorePath",
                        "restorePath must be a savepoint or checkpoint under "
                                + restoreRoots
                                + ", got '"
                                + p
                                + "'");
            }
        }
    }

    /** Parses a JobID: 32 lower-case hex digits. */
    public static JobID parseJobId(String text) {
        if (text == null || !JOB_ID.matcher(text).matches()) {
            throw ApiException.badRequest(
                    "invalid_job_id",
                    "jobId",
                    "a JobID is 32 lower-case hex digits (e.g. 4a5b6c7d8e9f00112233445566778899), got '"
                            + text
                            + "'");
        }
        return JobID.fromHexString(text);
    }

    static ApiException unknownJob(String jobId) {
        return new ApiException(
                404,
                "unknown_job",
                "the cluster knows no job " + jobId + ": list jobs with GET /v1/jobs");
    }
}

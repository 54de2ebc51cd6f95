package io.flotilla.supervisor.port;

import java.time.Duration;
import java.util.List;

/**
 * Everything a submit needs; {@code jobId} is chosen by the supervisor, so repeating the command
 * after a crash finds or creates the same job.
 *
 * @param deployment the deployment's name, for logs and audit only
 * @param restorePath the checkpoint or savepoint to start from, or null for empty state
 * @param checkpointInterval how often the job checkpoints, or null for the cluster's default
 * @param allowNonRestoredState whether state of the restore path the job cannot take is dropped
 *     rather than refused
 */
public record SubmitCommand(
        String cluster,
        String deployment,
        String jobId,
        String artifactUri,
        String artifactSha256,
        String entryClass,
        List<String> args,
        int parallelism,
        String restorePath,
        long fencingToken,
        Duration checkpointInterval,
        boolean allowNonRestoredState) {

    /** A submit that restores all of its state or fails. */
    public SubmitCommand(
            String cluster,
            String deployment,
            String jobId,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            int parallelism,
            String restorePath,
            long fencingToken,
            Duration checkpointInterval) {
        this(
                cluster,
                deployment,
                jobId,
                artifactUri,
                artifactSha256,
                entryClass,
                args,
                parallelism,
                restorePath,
                fencingToken,
                checkpointInterval,
                false);
    }

    public SubmitCommand(
            String cluster,
            String deployment,
            String jobId,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            int parallelism,
            String restorePath,
            long fencingToken) {
        this(
                cluster,
                deployment,
                jobId,
                artifactUri,
                artifactSha256,
                entryClass,
                args,
                parallelism,
                restorePath,
                fencingToken,
                null,
                false);
    }

    public SubmitCommand {
        args = List.copyOf(args);
    }
}

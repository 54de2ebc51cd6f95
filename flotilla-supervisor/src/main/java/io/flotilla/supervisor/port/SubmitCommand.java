package io.flotilla.supervisor.port;

import java.util.List;

/**
 * Everything a submit needs; {@code jobId} is chosen by the supervisor, so repeating the command
 * after a crash finds or creates the same job.
 *
 * @param deployment the deployment's name, for logs and audit only
 * @param restorePath the checkpoint or savepoint to start from, or null for empty state
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
        long fencingToken) {

    public SubmitCommand {
        args = List.copyOf(args);
    }
}

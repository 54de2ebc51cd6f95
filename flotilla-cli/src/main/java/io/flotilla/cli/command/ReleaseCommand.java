package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.ExitCode;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.cli.output.Output;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.ReleaseRequest;
import io.flotilla.supervisor.api.ReleaseStatus;
import io.flotilla.supervisor.api.ReleaseView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla release <deployment> --jar FILE --version V}: publishes the new version, asks the
 * supervisor to release it (savepoint, new job from it, checkpoint, else rollback) and follows it.
 */
@Command(
        name = "release",
        mixinStandardHelpOptions = true,
        description =
                "Release a new version: the supervisor stops the job with a savepoint, starts the"
                        + " new version from it and rolls back if it does not checkpoint.")
public final class ReleaseCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The job's arguments, after --.")
    List<String> jobArgs = List.of();

    @Mixin ArtifactOptions artifact;

    @Option(
            names = "--version",
            required = true,
            paramLabel = "V",
            description = "The new version.")
    String version;

    @Option(
            names = "--upgrade-mode",
            paramLabel = "MODE",
            description = "SAVEPOINT (default), LAST_STATE or STATELESS.")
    String upgradeMode;

    public ReleaseCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SupervisorClient api = cli.supervisor();
        Output out = cli.output();
        DeploymentView before = api.deployment(deployment);
        Path jar = artifact.jarToPublish(cli);
        String entry = artifact.entryClass(jar);
        if (!entry.equals(before.spec().entryClass())) {
            // A release keeps the job's entry class and arguments; another job is a 'deploy'.
            throw CliFailure.badInput(
                    "the entry class "
                            + entry
                            + " is not the deployment's "
                            + before.spec().entryClass()
                            + ": release the same job, or change it with 'flotilla deploy'");
        }
        Lineage lineage = artifact.lineage(cli, jobArgs);
        ArtifactStore.Published published;
        try (ArtifactStore store = ArtifactStore.require(cli)) {
            published = store.publish(jar, artifact.module(deployment, before.spec().module()));
        }
        out.progress("published " + jar.getFileName() + " as " + published.uri());
        api.release(
                deployment,
                new ReleaseRequest(
                        version,
                        published.uri(),
                        published.sha256(),
                        upgradeMode,
                        before.generation()));
        out.progress(
                "release of "
                        + deployment
                        + " from version "
                        + before.spec().version()
                        + " to "
                        + version
                        + " requested");
        if (lineage != null) {
            api.putLineage(deployment, version, lineage);
        }
        Instant requested = requestedAt(api);
        ReleaseView end = follow(api, out, requested);
        out.progress(end.status() + ": " + end.reason());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("release", end);
        doc.put("deployment", api.deployment(deployment));
        out.document(doc);
        return end.status() == ReleaseStatus.DONE ? 0 : ExitCode.FAILED.code();
    }

    /** The server's time of the newest request, so the client's clock does not matter. */
    private Instant requestedAt(SupervisorClient api) {
        return api.releases(deployment).releases().stream()
                .filter(r -> r.status() == ReleaseStatus.REQUESTED && r.at() != null)
                .map(ReleaseView::at)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private ReleaseView follow(SupervisorClient api, Output out, Instant requested) {
        long deadline = System.nanoTime() + cli.get(CliSettings.WAIT_TIMEOUT).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            DeploymentView d = api.deployment(deployment);
            String line = Follow.line(d);
            if (!Objects.equals(line, last)) {
                out.progress(line);
                last = line;
            }
            for (ReleaseView r : api.releases(deployment).releases()) {
                boolean ended =
                        r.status() == ReleaseStatus.DONE || r.status() == ReleaseStatus.ROLLED_BACK;
                if (ended && r.at() != null && !r.at().isBefore(requested)) {
                    return r;
                }
            }
            Follow.sleep(Follow.POLL);
        }
        throw CliFailure.failed(
                "the release of "
                        + deployment
                        + " did not end within "
                        + cli.get(CliSettings.WAIT_TIMEOUT).toSeconds()
                        + " s; the supervisor goes on: follow it with 'flotilla status "
                        + deployment
                        + "'");
    }
}

package io.flotilla.cli.command;

import io.flotilla.cli.ApiErrors;
import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.output.Output;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla deploy <deployment> --jar FILE | --job JOB --cluster C}: publishes the artifact
 * with its sha256, creates or updates the deployment, and follows it until RUNNING with a
 * checkpoint.
 */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description =
                "Publish a jar (or run a DSL job from the runner jar) and create or update the"
                        + " deployment; follows it until RUNNING with a checkpoint.")
public final class DeployCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    @Parameters(
            index = "1..*",
            paramLabel = "ARG",
            description = "The job's own arguments, after --.")
    List<String> jobArgs = List.of();

    @Mixin ArtifactOptions artifact;

    @Option(
            names = "--cluster",
            paramLabel = "CLUSTER",
            description = "Session cluster to run on (required for a new deployment).")
    String cluster;

    @Option(
            names = "--flink-version",
            paramLabel = "RANGE",
            description =
                    "Flink versions the job may run on, e.g. '>=2.0 <2.3', '2.2.x', '>=2.1' or"
                            + " '2.0.0'; '*' for any (the default). With --cluster '*' or"
                            + " pool:NAME only clusters running such a version are chosen.")
    String flinkVersion;

    @Option(
            names = "--version",
            paramLabel = "V",
            description = "Version shown on the job page; default: 1, or the current one plus 1.")
    String version;

    @Option(names = "--owner", paramLabel = "OWNER", description = "Team or person owning it.")
    String owner;

    @Option(names = "--parallelism", paramLabel = "N", description = "Parallelism of the job.")
    Integer parallelism;

    @Option(
            names = "--upgrade-mode",
            paramLabel = "MODE",
            description = "SAVEPOINT (default), LAST_STATE or STATELESS.")
    String upgradeMode;

    @Option(names = "--no-wait", description = "Return once the supervisor accepted the change.")
    boolean noWait;

    public DeployCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SupervisorClient api = cli.supervisor();
        Output out = cli.output();
        Optional<DeploymentView> existing = ApiErrors.ifFound(() -> api.deployment(deployment));
        if (existing.isEmpty() && cluster == null) {
            throw CliFailure.badInput(
                    "--cluster is required for a new deployment: pick one from 'flotilla"
                            + " clusters'");
        }
        if (existing.isEmpty() && owner == null) {
            throw CliFailure.badInput(
                    "--owner is required for a new deployment: the team or person who owns it,"
                            + " e.g. --owner team-orders");
        }
        Path jar = artifact.jarToPublish(cli);
        String entry = artifact.entryClass(jar);
        List<String> args = artifact.args(jobArgs);
        Lineage lineage = artifact.lineage(cli, jobArgs);
        String module =
                artifact.module(deployment, existing.map(d -> d.spec().module()).orElse(null));
        ArtifactStore.Published published;
        try (ArtifactStore store = ArtifactStore.require(cli)) {
            published = store.publish(jar, module);
        }
        out.progress("published " + jar.getFileName() + " as " + published.uri());
        String v = version != null ? version : nextVersion(existing);
        DeploymentView d;
        String previousJob = existing.map(x -> x.status().jobId()).orElse(null);
        if (existing.isEmpty()) {
            d =
                    api.create(
                            new DeploymentRequest(
                                    deployment,
                                    owner,
                                    module,
                                    v,
                                    published.uri(),
                                    published.sha256(),
                                    entry,
                                    args,
                                    parallelism,
                                    "RUNNING",
                                    upgradeMode,
                                    cluster,
                                    null,
                                    null,
                                    null,
                                    flinkVersion));
            out.progress(
                    "deployment " + deployment + " created on " + d.cluster() + ", version " + v);
        } else {
            DeploymentView before = existing.get();
            if (sameJob(before, published, entry, args, v)
                    && (flinkVersion == null || flinkVersion.equals(before.spec().flinkVersion()))
                    && before.phase() == Phase.RUNNING) {
                out.progress(deployment + " already runs this build (version " + v + ")");
                out.document(before);
                return 0;
            }
            d =
                    api.update(
                            deployment,
                            new DeploymentRequest(
                                    null,
                                    owner,
                                    module,
                                    v,
                                    published.uri(),
                                    published.sha256(),
                                    entry,
                                    args,
                                    parallelism,
                                    "RUNNING",
                                    upgradeMode,
                                    cluster,
                                    null,
                                    before.generation(),
                                    null,
                                    flinkVersion));
            out.progress(
                    "deployment "
                            + deployment
                            + " updated from version "
                            + before.spec().version()
                            + " to "
                            + v
                            + " (generation "
                            + d.generation()
                            + ")");
        }
        if (lineage != null) {
            api.putLineage(deployment, v, lineage);
            out.progress(
                    "lineage of version "
                            + v
                            + " stored: "
                            + lineage.reads().size()
                            + " read, "
                            + lineage.writes().size()
                            + " written");
        }
        if (!noWait) {
            d = Follow.until(cli, deployment, Follow.runningWithCheckpoint(previousJob));
            out.progress(
                    "done: "
                            + deployment
                            + " RUNNING with checkpoint "
                            + d.status().lastCheckpoint());
        }
        out.document(d);
        return 0;
    }

    private static boolean sameJob(
            DeploymentView d,
            ArtifactStore.Published p,
            String entry,
            List<String> args,
            String v) {
        return d.spec().artifactSha256().equals(p.sha256())
                && d.spec().entryClass().equals(entry)
                && d.spec().args().equals(args)
                && d.spec().version().equals(v);
    }

    private String nextVersion(Optional<DeploymentView> existing) {
        if (existing.isEmpty()) {
            return "1";
        }
        String current = existing.get().spec().version();
        try {
            return String.valueOf(Long.parseLong(current) + 1);
        } catch (NumberFormatException e) {
            throw CliFailure.badInput(
                    deployment
                            + " is at version '"
                            + current
                            + "', which is not a number: pass --version");
        }
    }
}

package io.flotilla.cli.command;

import io.flotilla.cli.ApiErrors;
import io.flotilla.cli.Cli;
import io.flotilla.cli.output.Texts;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.Runs;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flotilla status <deployment>}: the job page in a terminal. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Show one deployment: status, cluster, Flink version range, version, module,"
                        + " created, updated, JobID,"
                        + " last checkpoint and savepoint, retries, tables read and written.")
public final class StatusCommand implements Callable<Integer> {

    /** Everything the job page shows, as one document. */
    public record JobPage(
            DeploymentView deployment,
            Runs runs,
            Instant created,
            Instant updated,
            Lineage lineage) {}

    private final Cli cli;

    @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    public StatusCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        JobPage page = page(cli.supervisor(), deployment);
        cli.output().either(render(page, Instant.now()), page);
        return 0;
    }

    static JobPage page(SupervisorClient api, String name) {
        DeploymentView d = api.deployment(name);
        Runs runs = api.runs(name);
        Lineage lineage =
                ApiErrors.ifFound(() -> api.lineage(name, d.spec().version())).orElse(null);
        return new JobPage(d, runs, d.createdAt(), d.updatedAt(), lineage);
    }

    static String render(JobPage p, Instant now) {
        DeploymentView d = p.deployment();
        var s = d.status();
        var run = p.runs() == null ? null : p.runs().current();
        StringBuilder out = new StringBuilder();
        field(out, "deployment", d.name());
        field(
                out,
                "status",
                d.phase()
                        + (s != null && s.error() != null ? " (" + s.error() + ")" : "")
                        + (s != null && s.waiting() != null ? " (" + s.waiting() + ")" : "")
                        + " (desired "
                        + d.spec().desiredState()
                        + ")");
        field(out, "cluster", d.cluster());
        field(
                out,
                "flink",
                d.spec().flinkVersion() == null ? "any version" : d.spec().flinkVersion());
        field(out, "version", d.spec().version() + "  (generation " + d.generation() + ")");
        field(out, "module", Texts.orDash(d.spec().module()));
        field(out, "owner", Texts.orDash(d.spec().owner()));
        field(out, "entry class", d.spec().entryClass());
        field(out, "artifact", d.spec().artifactUri());
        field(out, "created", Texts.timeAgo(p.created(), now));
        field(out, "updated", Texts.timeAgo(p.updated(), now));
        field(out, "job id", s == null ? "-" : Texts.orDash(s.jobId()));
        field(out, "checkpoint", s == null ? "-" : Texts.orDash(s.lastCheckpoint()));
        field(out, "savepoint", s == null ? "-" : Texts.orDash(s.lastSavepoint()));
        field(out, "restored from", run == null ? "-" : Texts.orDash(run.restoredFrom()));
        field(
                out,
                "retries",
                (s == null ? 0 : s.retries())
                        + (s != null && s.nextRetryAt() != null
                                ? " (next at " + Texts.time(s.nextRetryAt()) + ")"
                                : ""));
        if (s != null && s.release() != null) {
            field(out, "release", "in progress from savepoint " + s.release().savepoint());
        }
        if (p.lineage() == null) {
            field(out, "reads", "- (no lineage stored for version " + d.spec().version() + ")");
            field(out, "writes", "-");
        } else {
            field(out, "reads", tables(p.lineage().reads()));
            field(out, "writes", tables(p.lineage().writes()));
        }
        return out.toString();
    }

    private static String tables(List<LineageTable> tables) {
        if (tables == null || tables.isEmpty()) {
            return "-";
        }
        return tables.stream()
                .map(
                        t ->
                                t.name()
                                        + " ("
                                        + Texts.orDash(t.connector())
                                        + " "
                                        + Texts.orDash(t.location())
                                        + ", "
                                        + Texts.orDash(t.format())
                                        + ", owner "
                                        + Texts.orDash(t.owner())
                                        + ")")
                .collect(Collectors.joining("\n" + " ".repeat(15)));
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format("%-14s %s%n", name, value));
    }
}

package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.api.Records.Deployment;
import io.flotilla.cli.api.Records.Event;
import io.flotilla.cli.api.Records.Events;
import io.flotilla.cli.api.Records.Lineage;
import io.flotilla.cli.api.Records.LineageTable;
import io.flotilla.cli.api.Records.Runs;
import io.flotilla.cli.api.RestSupervisor;
import io.flotilla.cli.output.Texts;
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
                "Show one deployment: status, cluster, version, module, created, updated, JobID,"
                        + " last checkpoint and savepoint, retries, tables read and written.")
public final class StatusCommand implements Callable<Integer> {

    /** Everything the job page shows, as one document. */
    public record JobPage(
            Deployment deployment, Runs runs, Instant created, Instant updated, Lineage lineage) {}

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

    static JobPage page(RestSupervisor api, String name) {
        Deployment d = api.deployment(name);
        Runs runs = api.runs(name);
        Instant created = d.createdAt();
        Instant updated = d.updatedAt();
        if (created == null || updated == null) {
            Events first = api.events(name, 0, 1);
            created = first.events().isEmpty() ? null : first.events().get(0).at();
            updated = lastEventAt(api, name);
        }
        Lineage lineage = api.lineage(name, d.spec().version()).orElse(null);
        return new JobPage(d, runs, created, updated, lineage);
    }

    private static Instant lastEventAt(RestSupervisor api, String name) {
        Instant last = null;
        long after = 0;
        while (true) {
            List<Event> page = api.events(name, after, 1000).events();
            if (page.isEmpty()) {
                return last;
            }
            last = page.get(page.size() - 1).at();
            after = page.get(page.size() - 1).id();
            if (page.size() < 1000) {
                return last;
            }
        }
    }

    static String render(JobPage p, Instant now) {
        Deployment d = p.deployment();
        var s = d.status();
        var run = p.runs() == null ? null : p.runs().current();
        StringBuilder out = new StringBuilder();
        field(out, "deployment", d.name());
        field(
                out,
                "status",
                d.phase()
                        + (s != null && s.error() != null ? " (" + s.error() + ")" : "")
                        + " (desired "
                        + d.spec().desiredState()
                        + ")");
        field(out, "cluster", d.cluster());
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

package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.api.Phase;
import io.flotilla.cli.api.Records.Deployment;
import io.flotilla.cli.output.Output;
import io.flotilla.cli.output.Table;
import io.flotilla.cli.output.Texts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flotilla list}: every deployment, one line each, with filters. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List deployments: name, status, cluster, version, owner, retries, updated.")
public final class ListCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--status", description = "Only this phase: ${COMPLETION-CANDIDATES}.")
    Phase status;

    @Option(names = "--cluster", description = "Only deployments placed on this cluster.")
    String cluster;

    @Option(names = "--owner", description = "Only deployments of this owner.")
    String owner;

    @Option(names = "--name", description = "Only names containing this text.")
    String name;

    public ListCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<Deployment> all =
                cli.supervisor().deployments().deployments().stream()
                        .filter(d -> status == null || d.phase() == status)
                        .filter(d -> cluster == null || cluster.equals(d.cluster()))
                        .filter(d -> owner == null || owner.equals(d.spec().owner()))
                        .filter(d -> name == null || d.name().contains(name))
                        .sorted(Comparator.comparing(Deployment::name))
                        .toList();
        Output out = cli.output();
        if (out.json()) {
            out.document(Map.of("deployments", all));
            return 0;
        }
        Instant now = Instant.now();
        Table t = new Table("NAME", "STATUS", "CLUSTER", "VERSION", "OWNER", "RETRIES", "UPDATED");
        for (Deployment d : all) {
            t.row(
                    d.name(),
                    d.phase(),
                    d.cluster(),
                    d.spec().version(),
                    Texts.orDash(d.spec().owner()),
                    d.status() == null ? 0 : d.status().retries(),
                    Texts.ago(d.updatedAt(), now));
        }
        out.out().print(t.render());
        if (all.isEmpty()) {
            out.line("(no deployments" + (filtered() ? " match" : "") + ")");
        }
        return 0;
    }

    private boolean filtered() {
        return status != null || cluster != null || owner != null || name != null;
    }
}

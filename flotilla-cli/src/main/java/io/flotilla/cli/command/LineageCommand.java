package io.flotilla.cli.command;

import io.flotilla.cli.ApiErrors;
import io.flotilla.cli.Cli;
import io.flotilla.cli.output.Table;
import io.flotilla.cli.output.Texts;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.SupervisorClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flotilla lineage [<deployment>]}: which tables jobs read and write. */
@Command(
        name = "lineage",
        mixinStandardHelpOptions = true,
        description =
                "Show the tables a deployment's current version reads and writes, or, without a"
                        + " name, every deployment's.")
public final class LineageCommand implements Callable<Integer> {

    /** One edge: a deployment reads or writes a table. */
    public record Edge(
            String deployment,
            String version,
            String direction,
            String table,
            String connector,
            String location,
            String format,
            String owner) {}

    private final Cli cli;

    @Parameters(arity = "0..1", paramLabel = "<deployment>", description = "Only this one.")
    String deployment;

    public LineageCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SupervisorClient api = cli.supervisor();
        List<DeploymentView> ds =
                deployment != null
                        ? List.of(api.deployment(deployment))
                        : api.deployments().deployments().stream()
                                .sorted(Comparator.comparing(DeploymentView::name))
                                .toList();
        List<Edge> edges = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (DeploymentView d : ds) {
            Lineage l =
                    ApiErrors.ifFound(() -> api.lineage(d.name(), d.spec().version())).orElse(null);
            if (l == null) {
                without.add(d.name());
                continue;
            }
            add(edges, d, "reads", l.reads());
            add(edges, d, "writes", l.writes());
        }
        Table t =
                new Table(
                        "DEPLOYMENT",
                        "VERSION",
                        "",
                        "TABLE",
                        "CONNECTOR",
                        "LOCATION",
                        "FORMAT",
                        "OWNER");
        for (Edge e : edges) {
            t.row(
                    e.deployment(),
                    e.version(),
                    e.direction(),
                    e.table(),
                    Texts.orDash(e.connector()),
                    Texts.orDash(e.location()),
                    Texts.orDash(e.format()),
                    Texts.orDash(e.owner()));
        }
        String text =
                (edges.isEmpty() ? "" : t.render())
                        + (without.isEmpty()
                                ? ""
                                : "no lineage stored for: "
                                        + String.join(", ", without)
                                        + " (deploy --job stores it; see 'flotilla validate')\n");
        cli.output().either(text, Map.of("edges", edges, "withoutLineage", without));
        return 0;
    }

    private static void add(List<Edge> edges, DeploymentView d, String dir, List<LineageTable> ts) {
        if (ts == null) {
            return;
        }
        for (LineageTable x : ts) {
            edges.add(
                    new Edge(
                            d.name(),
                            d.spec().version(),
                            dir,
                            x.name(),
                            x.connector(),
                            x.location(),
                            x.format(),
                            x.owner()));
        }
    }
}

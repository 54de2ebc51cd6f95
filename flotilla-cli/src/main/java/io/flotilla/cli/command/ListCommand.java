package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.output.Output;
import io.flotilla.cli.output.Table;
import io.flotilla.cli.output.Texts;
import io.flotilla.supervisor.api.DeploymentList;
import io.flotilla.supervisor.api.DeploymentQuery;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla list}: one page of the deployments, one line each, filtered, sorted and paged by
 * the supervisor (so 10,000 deployments cost one page, not all of them).
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description =
                "List deployments: name, status, cluster, version, owner, retries, updated; one"
                        + " page (--offset, --limit) or --all, filtered and sorted by the"
                        + " supervisor.")
public final class ListCommand implements Callable<Integer> {

    /** The most rows the supervisor gives in one page; --all reads pages of this size. */
    static final int MAX_PAGE = 1000;

    private final Cli cli;

    @Option(names = "--status", description = "Only this phase: ${COMPLETION-CANDIDATES}.")
    Phase status;

    @Option(names = "--cluster", description = "Only deployments placed on this cluster.")
    String cluster;

    @Option(names = "--owner", description = "Only deployments of this owner.")
    String owner;

    @Option(names = "--name", description = "Only names containing this text.")
    String name;

    @Option(
            names = "--sort",
            paramLabel = "COLUMN",
            description =
                    "name (default), phase, cluster, version, owner, retries or updated; a"
                            + " leading - reverses (-updated: latest change first).")
    String sort;

    @Option(
            names = "--offset",
            paramLabel = "N",
            defaultValue = "0",
            description = "Skip the first N matching deployments (default ${DEFAULT-VALUE}).")
    int offset;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "Show at most N, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--all", description = "Every matching deployment, read page by page.")
    boolean all;

    public ListCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_PAGE) {
            throw CliFailure.badInput("--limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
        if (offset < 0) {
            throw CliFailure.badInput("--offset must be 0 or more, got " + offset);
        }
        DeploymentQuery query =
                new DeploymentQuery(status, cluster, owner, name, sort, offset, limit);
        DeploymentList list = all ? every(query) : cli.supervisor().deployments(query);
        Output out = cli.output();
        if (out.json()) {
            out.document(list);
            return 0;
        }
        Instant now = Instant.now();
        Table t = new Table("NAME", "STATUS", "CLUSTER", "VERSION", "OWNER", "RETRIES", "UPDATED");
        for (DeploymentView d : list.deployments()) {
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
        int shown = list.deployments().size();
        if (list.total() == 0) {
            out.line("(no deployments" + (filtered() ? " match" : "") + ")");
        } else if (shown < list.total()) {
            int next = list.offset() + shown;
            out.line(
                    "("
                            + (shown == 0 ? "none" : (list.offset() + 1) + "-" + next)
                            + " of "
                            + list.total()
                            + (next < list.total()
                                    ? "; next page: --offset " + next + ", or --all"
                                    : "")
                            + ")");
        }
        return 0;
    }

    /** Every page from {@code query}'s offset on, as one list. */
    private DeploymentList every(DeploymentQuery query) {
        List<DeploymentView> rows = new ArrayList<>();
        int from = query.offset();
        while (true) {
            DeploymentList page = cli.supervisor().deployments(query.page(from, MAX_PAGE));
            rows.addAll(page.deployments());
            from += page.deployments().size();
            if (page.deployments().isEmpty() || from >= page.total()) {
                return new DeploymentList(List.copyOf(rows), page.total(), query.offset(), null);
            }
        }
    }

    private boolean filtered() {
        return status != null || cluster != null || owner != null || name != null;
    }
}

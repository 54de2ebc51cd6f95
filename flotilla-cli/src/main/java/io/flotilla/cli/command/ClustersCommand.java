package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.output.Table;
import io.flotilla.supervisor.api.ClusterList;
import io.flotilla.supervisor.api.ClusterView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code flotilla clusters}: the registered session clusters. */
@Command(
        name = "clusters",
        mixinStandardHelpOptions = true,
        description = "List the session clusters: slots, deployments, sidecar, lost or not.")
public final class ClustersCommand implements Callable<Integer> {

    private final Cli cli;

    public ClustersCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ClusterList clusters = cli.supervisor().clusters();
        Table t = new Table("NAME", "SLOTS", "DEPLOYMENTS", "STATE", "SIDECAR");
        for (ClusterView c : clusters.clusters()) {
            t.row(c.name(), c.slots(), c.deployments(), c.lost() ? "LOST" : "ok", c.sidecarUrl());
        }
        cli.output().either(t.render(), clusters);
        return 0;
    }
}

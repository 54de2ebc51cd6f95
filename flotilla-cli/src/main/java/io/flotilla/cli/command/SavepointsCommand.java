package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.output.Table;
import io.flotilla.cli.output.Texts;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Runs;
import io.flotilla.supervisor.api.StateView;
import io.flotilla.supervisor.api.StoredKind;
import io.flotilla.supervisor.api.StoredStateView;
import io.flotilla.supervisor.api.Submission;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla savepoints <deployment>}: the checkpoints and savepoints the deployment's jobs
 * made, their sizes in the store and which are pinned (kept by the state guard).
 */
@Command(
        name = "savepoints",
        mixinStandardHelpOptions = true,
        description = "List a deployment's checkpoints and savepoints with sizes, pinned or not.")
public final class SavepointsCommand implements Callable<Integer> {

    /** One state snapshot. */
    public record Snapshot(String kind, String path, Instant at, Long bytes, boolean pinned) {}

    private final Cli cli;

    @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    public SavepointsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SupervisorClient api = cli.supervisor();
        DeploymentView d = api.deployment(deployment);
        Runs runs = api.runs(deployment);
        StateView state = api.state(deployment);
        Map<String, Instant> paths = new LinkedHashMap<>();
        for (EventView e : events(api)) {
            if (e.type().equals("SavepointCompleted")) {
                int at = e.message().indexOf(" with ");
                if (at > 0) {
                    paths.put(e.message().substring(at + 6).strip(), e.at());
                }
            }
        }
        for (Submission s : runs.submissions()) {
            int from = s.message().lastIndexOf(" from ");
            String p = from < 0 ? null : s.message().substring(from + 6);
            if (p != null && p.startsWith("s3://")) {
                paths.putIfAbsent(p, null);
            }
        }
        for (String p : List.of(nz(d.status().lastSavepoint()), nz(d.status().lastCheckpoint()))) {
            if (!p.isEmpty()) {
                paths.putIfAbsent(p, null);
            }
        }
        state.pinned().forEach(p -> paths.putIfAbsent(p, null));
        // What the store holds comes from the supervisor (each cluster's sidecar lists it); the
        // paths the deployment's history names but the store does not are shown without a size.
        List<Snapshot> out = new ArrayList<>();
        List<StoredStateView> stored = state.stored() == null ? List.of() : state.stored();
        for (StoredStateView s : stored) {
            out.add(
                    new Snapshot(
                            s.kind() == StoredKind.SAVEPOINT ? "savepoint" : "checkpoint",
                            s.path(),
                            s.time(),
                            s.size(),
                            s.pinned()));
            paths.remove(s.path());
        }
        for (var e : paths.entrySet()) {
            out.add(
                    new Snapshot(
                            e.getKey().contains("/chk-") ? "checkpoint" : "savepoint",
                            e.getKey(),
                            e.getValue(),
                            null,
                            state.pinned().contains(e.getKey())));
        }
        if (state.unlisted() != null) {
            state.unlisted().forEach(u -> cli.output().progress("not listed: " + u));
        }
        Table t = new Table("KIND", "SIZE", "PINNED", "AT", "PATH");
        for (Snapshot s : out) {
            t.row(
                    s.kind(),
                    Texts.bytes(s.bytes()),
                    s.pinned() ? "pinned" : "-",
                    Texts.time(s.at()),
                    s.path());
        }
        cli.output()
                .either(
                        out.isEmpty() ? "(no checkpoints or savepoints yet)\n" : t.render(),
                        Map.of("deployment", deployment, "snapshots", out));
        return 0;
    }

    private List<EventView> events(SupervisorClient api) {
        List<EventView> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<EventView> page = api.events(deployment, after, 1000).events();
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

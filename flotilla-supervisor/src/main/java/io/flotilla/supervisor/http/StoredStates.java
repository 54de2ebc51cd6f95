package io.flotilla.supervisor.http;

import io.flotilla.supervisor.StateControl;
import io.flotilla.supervisor.api.RetentionView;
import io.flotilla.supervisor.api.StateView;
import io.flotilla.supervisor.api.StoredKind;
import io.flotilla.supervisor.api.StoredStateView;
import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.StoredState;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.StateLister;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment's state as its page shows it: the pins and retention from the store, and every
 * checkpoint and savepoint its jobs left, listed by JobID through each cluster's sidecar.
 */
final class StoredStates {

    /** Where a submit recorded its JobID and cluster; an adoption names no cluster. */
    private static final Pattern SUBMITTED =
            Pattern.compile("\\b([0-9a-f]{32}) generation \\d+ on (\\S+)");

    private static final Pattern ADOPTED = Pattern.compile("^adopted job ([0-9a-f]{32})\\b");

    private final StateLister states;

    /**
     * @param states lists the clusters' state, or null when this API reads no cluster
     */
    StoredStates(StateLister states) {
        this.states = states;
    }

    StateView of(Deployment d, List<AuditEntry> history) {
        List<String> pinned = StateControl.pinned(d);
        var retention = d.spec().retention();
        RetentionView kept =
                retention == null
                        ? new RetentionView(null, null, null)
                        : new RetentionView(
                                retention.keepSavepoints(),
                                retention.maxAge(),
                                retention.savepointEvery());
        Map<String, Set<String>> jobsByCluster = jobsByCluster(d, history);
        List<StoredStateView> stored = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (var e : jobsByCluster.entrySet()) {
            String cluster = e.getKey();
            if (states == null) {
                unlisted.add(cluster + ": this supervisor reads no cluster's state");
                continue;
            }
            try {
                for (StoredState s : states.listJobsState(cluster, e.getValue(), 0).states()) {
                    stored.add(
                            new StoredStateView(
                                    s.path(),
                                    s.savepoint() ? StoredKind.SAVEPOINT : StoredKind.CHECKPOINT,
                                    s.jobId(),
                                    cluster,
                                    s.time(),
                                    s.size(),
                                    s.complete(),
                                    pinned.contains(s.path())));
                }
            } catch (ClusterUnreachableException ex) {
                unlisted.add(cluster + ": " + ex.getMessage());
            }
        }
        stored.sort(
                Comparator.comparing(StoredStateView::time)
                        .reversed()
                        .thenComparing(StoredStateView::path));
        return new StateView(d.name(), pinned, kept, stored, unlisted);
    }

    /** The JobIDs the deployment's submits and adoptions recorded, by cluster. */
    static Map<String, Set<String>> jobsByCluster(Deployment d, List<AuditEntry> history) {
        Map<String, Set<String>> out = new TreeMap<>();
        String current = d.currentCluster();
        for (AuditEntry entry : history) {
            String type = entry.event().type();
            String message = entry.event().message() == null ? "" : entry.event().message();
            if (type.equals("Submitted")) {
                Matcher m = SUBMITTED.matcher(message);
                if (m.find()) {
                    out.computeIfAbsent(m.group(2), c -> new LinkedHashSet<>()).add(m.group(1));
                }
            } else if (type.equals("Adopt") && current != null) {
                Matcher m = ADOPTED.matcher(message);
                if (m.find()) {
                    out.computeIfAbsent(current, c -> new LinkedHashSet<>()).add(m.group(1));
                }
            }
        }
        if (d.status().jobId() != null && current != null) {
            out.computeIfAbsent(current, c -> new LinkedHashSet<>()).add(d.status().jobId());
        }
        return out;
    }
}

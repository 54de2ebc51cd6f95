package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Which deployments a list shows and in what order: by phase, cluster (where it runs), owner and a
 * part of the name (each null for any), sorted by one column then the name, one page of it.
 */
public record DeploymentFilter(
        Phase phase,
        String cluster,
        String owner,
        String nameContains,
        Sort sort,
        boolean descending,
        int offset,
        int limit) {

    /** The columns a list sorts by. */
    public enum Sort {
        NAME,
        PHASE,
        CLUSTER,
        VERSION,
        OWNER,
        RETRIES,
        /** When the spec or status last changed. */
        UPDATED
    }

    /** One page and how many match in all. */
    public record Page(List<Deployment> rows, int total) {}

    public boolean matches(Deployment d) {
        return (phase == null || d.status().phase() == phase)
                && (cluster == null || cluster.equals(d.currentCluster()))
                && (owner == null || owner.equals(d.spec().owner()))
                && (nameContains == null || d.name().contains(nameContains));
    }

    /** The order, ties broken by name; nulls first ascending (as the SQL store sorts them). */
    public Comparator<Deployment> comparator() {
        Comparator<Deployment> c =
                switch (sort) {
                    case NAME -> Comparator.comparing(Deployment::name);
                    case PHASE -> by(d -> d.status().phase().name());
                    case CLUSTER -> by(Deployment::currentCluster);
                    case VERSION -> by(d -> d.spec().version());
                    case OWNER -> by(d -> d.spec().owner());
                    case RETRIES ->
                            Comparator.<Deployment>comparingInt(d -> d.status().retries())
                                    .thenComparing(Deployment::name);
                    case UPDATED ->
                            Comparator.comparing(
                                            Deployment::updatedAt,
                                            Comparator.nullsFirst(
                                                    Comparator.<Instant>naturalOrder()))
                                    .thenComparing(Deployment::name);
                };
        return descending ? c.reversed() : c;
    }

    private static Comparator<Deployment> by(Function<Deployment, String> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Deployment::name);
    }

    /** The page of {@code all} this filter selects, in memory (for stores without a query). */
    public Page apply(List<Deployment> all) {
        List<Deployment> matching =
                all.stream().filter(this::matches).sorted(comparator()).toList();
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min((long) from + limit, matching.size());
        return new Page(matching.subList(from, to), matching.size());
    }
}

package io.flotilla.supervisor.api;

/**
 * What {@link SupervisorClient#deployments(DeploymentQuery)} asks for: one page of the deployments
 * matching every non-null filter, sorted by the store. Null fields take the server's defaults
 * (sorted by name, offset 0, 50 rows).
 *
 * @param nameContains part of the name ({@code q})
 * @param sort a column (name, phase, cluster, version, owner, retries or updated), {@code -} first
 *     to reverse
 * @param limit 1 to 1000 rows
 */
public record DeploymentQuery(
        Phase phase,
        String cluster,
        String owner,
        String nameContains,
        String sort,
        Integer offset,
        Integer limit) {

    /** The first {@code limit} deployments by name. */
    public static DeploymentQuery first(int limit) {
        return new DeploymentQuery(null, null, null, null, null, 0, limit);
    }

    /** The same filters and order, {@code limit} rows from {@code offset}. */
    public DeploymentQuery page(int offset, int limit) {
        return new DeploymentQuery(phase, cluster, owner, nameContains, sort, offset, limit);
    }
}

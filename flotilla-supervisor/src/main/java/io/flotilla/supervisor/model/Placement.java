package io.flotilla.supervisor.model;

/**
 * How a spec's {@code cluster} names where it may run: one cluster by name, {@code pool:NAME} for
 * any healthy member of a pool, or {@value #ANY} for any healthy cluster.
 */
public final class Placement {

    /** Any healthy cluster: what a spec without a cluster asks for. */
    public static final String ANY = "*";

    /** The prefix of a pool target. */
    public static final String POOL = "pool:";

    private Placement() {}

    /** Whether {@code target} names one cluster rather than a choice the supervisor makes. */
    public static boolean concrete(String target) {
        return !ANY.equals(target) && !target.startsWith(POOL);
    }

    /** The pool {@code target} names, or null when it names no pool. */
    public static String pool(String target) {
        return target.startsWith(POOL) ? target.substring(POOL.length()) : null;
    }

    /**
     * Whether a job placed on {@code cluster} (a member of {@code clusterPool}) fits {@code
     * target}.
     */
    public static boolean allows(String target, String cluster, String clusterPool) {
        if (ANY.equals(target)) {
            return true;
        }
        String pool = pool(target);
        return pool == null ? target.equals(cluster) : pool.equals(clusterPool);
    }
}

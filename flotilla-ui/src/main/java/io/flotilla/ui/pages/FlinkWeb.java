package io.flotilla.ui.pages;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiUnreachableException;
import io.flotilla.supervisor.api.ClusterFlinkView;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links to Flink's own web UI: each cluster's address as its sidecar reports it, asked of the API
 * at most once a minute per cluster (every 10 s while unknown), since the job page's live part
 * polls every 2 s and each answer costs the sidecar a call of Flink.
 */
public final class FlinkWeb {

    private static final long TTL_NANOS = 60_000_000_000L;
    private static final long UNKNOWN_TTL_NANOS = 10_000_000_000L;

    private record Cached(String webUrl, long at) {}

    private final Clients api;
    private final Map<String, Cached> byCluster = new ConcurrentHashMap<>();

    public FlinkWeb(Clients api) {
        this.api = api;
    }

    /**
     * Flink's page of job {@code jobId} on {@code cluster}, or null when its address is unknown.
     */
    String jobPage(Session s, String cluster, String jobId) {
        if (cluster == null || jobId == null) {
            return null;
        }
        Cached c = byCluster.get(cluster);
        // An unknown address is asked again sooner: the sidecar may just have been restarting.
        long ttl = c != null && c.webUrl() == null ? UNKNOWN_TTL_NANOS : TTL_NANOS;
        if (c == null || c.at() < System.nanoTime() - ttl) {
            String url;
            try {
                ClusterFlinkView f = api.of(s).clusterFlink(cluster);
                url = f.reachable() ? safe(f.webUrl()) : null;
            } catch (ApiCallException | ApiUnreachableException e) {
                url = null;
            }
            c = new Cached(url, System.nanoTime());
            byCluster.put(cluster, c);
        }
        return c.webUrl() == null ? null : c.webUrl() + "/#/job/running/" + jobId + "/overview";
    }

    /** Only http and https addresses become links: never {@code javascript:} or the like. */
    static String safe(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return null;
        }
        return url.replaceAll("/+$", "");
    }
}

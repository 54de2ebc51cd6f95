package io.flotilla.supervisor.http;

import io.flotilla.http.Request;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filters, sort and page of {@code GET /v1/deployments}: {@code phase}, {@code cluster}, {@code
 * owner}, {@code q} (part of the name), {@code sort} (a column, {@code -} first for descending),
 * {@code offset} and {@code limit}; so a page of 10,000 deployments is cut on the server.
 */
final class DeploymentQuery {

    private static final Map<String, Comparator<Deployment>> SORTS = sorts();

    private DeploymentQuery() {}

    /** Whether the request asks for a filtered, sorted or paged list. */
    static boolean asked(Request r) {
        return r.query().keySet().stream()
                .anyMatch(
                        k ->
                                List.of("phase", "cluster", "owner", "q", "sort", "offset", "limit")
                                        .contains(k));
    }

    static Map<String, Object> page(Request r, List<Deployment> all) {
        Predicate<Deployment> keep = d -> true;
        String phase = blankToNull(r.query("phase", null));
        if (phase != null) {
            Phase p = Validation.enumValue("phase", phase, Phase.class);
            keep = keep.and(d -> d.status().phase() == p);
        }
        String cluster = blankToNull(r.query("cluster", null));
        if (cluster != null) {
            keep = keep.and(d -> cluster.equals(d.currentCluster()));
        }
        String owner = blankToNull(r.query("owner", null));
        if (owner != null) {
            keep = keep.and(d -> owner.equals(d.spec().owner()));
        }
        String q = blankToNull(r.query("q", null));
        if (q != null) {
            String needle = q.toLowerCase(Locale.ROOT);
            keep = keep.and(d -> d.name().contains(needle));
        }
        String sort = r.query("sort", "name");
        boolean descending = sort.startsWith("-");
        Comparator<Deployment> order = SORTS.get(descending ? sort.substring(1) : sort);
        if (order == null) {
            throw Validation.invalid(
                    "sort",
                    "'" + sort + "' is not one of " + SORTS.keySet() + " (prefix '-' to reverse)");
        }
        if (descending) {
            order = order.reversed();
        }
        int offset = (int) ReadRoutes.number(r, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = (int) ReadRoutes.number(r, "limit", 50, 1, 1000);
        List<Deployment> matching = all.stream().filter(keep).toList();
        List<io.flotilla.supervisor.api.DeploymentView> rows =
                matching.stream()
                        .sorted(order)
                        .skip(offset)
                        .limit(limit)
                        .map(ApiViews::deployment)
                        .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deployments", rows);
        out.put("total", matching.size());
        out.put("offset", offset);
        out.put("limit", limit);
        return out;
    }

    private static Map<String, Comparator<Deployment>> sorts() {
        Map<String, Comparator<Deployment>> s = new LinkedHashMap<>();
        s.put("name", Comparator.comparing(Deployment::name));
        s.put("phase", by(d -> d.status().phase().name()));
        s.put("cluster", by(Deployment::currentCluster));
        s.put("version", by(d -> d.spec().version()));
        s.put("owner", by(d -> d.spec().owner()));
        s.put(
                "retries",
                Comparator.<Deployment>comparingInt(d -> d.status().retries())
                        .thenComparing(Deployment::name));
        return s;
    }

    private static Comparator<Deployment> by(Function<Deployment, String> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Deployment::name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.flotilla.supervisor.http;

import io.flotilla.http.Request;
import io.flotilla.supervisor.api.DeploymentList;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.ControlStore;
import io.flotilla.supervisor.port.DeploymentFilter;
import java.util.List;
import java.util.Locale;

/**
 * The filters, sort and page of {@code GET /v1/deployments}: {@code phase}, {@code cluster}, {@code
 * owner}, {@code q} (part of the name), {@code sort} (a column, {@code -} first for descending),
 * {@code offset} and {@code limit}; so a page of 10,000 deployments is cut on the server.
 */
final class DeploymentQuery {

    private DeploymentQuery() {}

    /** Whether the request asks for a filtered, sorted or paged list. */
    static boolean asked(Request r) {
        return r.query().keySet().stream()
                .anyMatch(
                        k ->
                                List.of("phase", "cluster", "owner", "q", "sort", "offset", "limit")
                                        .contains(k));
    }

    static DeploymentList page(Request r, ControlStore store) {
        String phase = blankToNull(r.query("phase", null));
        String sort = r.query("sort", "name");
        boolean descending = sort.startsWith("-");
        String column = descending ? sort.substring(1) : sort;
        DeploymentFilter.Sort by;
        try {
            by = DeploymentFilter.Sort.valueOf(column.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Validation.invalid(
                    "sort",
                    "'"
                            + sort
                            + "' is not one of name, phase, cluster, version, owner, retries, updated"
                            + " (prefix '-' to reverse)");
        }
        DeploymentFilter filter =
                new DeploymentFilter(
                        phase == null ? null : Validation.enumValue("phase", phase, Phase.class),
                        blankToNull(r.query("cluster", null)),
                        blankToNull(r.query("owner", null)),
                        blankToNull(r.query("q", null)),
                        by,
                        descending,
                        (int) ReadRoutes.number(r, "offset", 0, 0, Integer.MAX_VALUE),
                        (int) ReadRoutes.number(r, "limit", 50, 1, 1000));
        DeploymentFilter.Page page = store.deployments(filter);
        return new DeploymentList(
                page.rows().stream().map(ApiViews::deployment).toList(),
                page.total(),
                filter.offset(),
                filter.limit());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.flotilla.ui.pages;

import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.EventsPage;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A deployment's audit log as the pages read it, and the dates derived from it. */
final class History {

    /** When a deployment was created and when someone last changed its desired spec. */
    record Times(Instant created, Instant updated) {}

    private History() {}

    /** The whole audit log, of one deployment or of all (null), oldest first, page by page. */
    static List<EventView> all(SupervisorClient api, String deployment) {
        List<EventView> out = new ArrayList<>();
        long after = 0;
        while (true) {
            EventsPage page = api.events(deployment, after, 1000);
            out.addAll(page.events());
            if (page.next() == null || page.events().isEmpty()) {
                return out;
            }
            after = out.get(out.size() - 1).id();
        }
    }

    /**
     * Created and updated, from the audit log: its first event and the last one not of the loop.
     * The one place to switch to the deployment view's own {@code createdAt}/{@code updatedAt} once
     * the API has them (branch clients), which spares the page the audit log's pages.
     */
    static Times times(DeploymentView d, List<EventView> events) {
        Instant created = events.isEmpty() ? null : events.get(0).at();
        Instant updated = null;
        for (EventView e : events) {
            if (!"supervisor".equals(e.who())) {
                updated = e.at();
            }
        }
        return new Times(created, updated);
    }
}
